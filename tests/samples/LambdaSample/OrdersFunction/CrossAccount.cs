using System.Threading.Tasks;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace OrdersFunction
{
    public class CrossAccount
    {
        private static readonly AmazonSecurityTokenServiceClient Sts = new AmazonSecurityTokenServiceClient();

        public async Task<Credentials> AssumeReaderAsync()
        {
            var response = await Sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = "arn:aws:iam::560788957781:role/OrdersReader",
                RoleSessionName = "orders",
            });
            return response.Credentials;
        }
    }
}
