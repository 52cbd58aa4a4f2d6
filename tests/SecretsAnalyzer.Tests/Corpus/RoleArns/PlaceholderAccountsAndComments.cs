using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecurityToken.Model;

namespace Audit.Functions
{
    /// <summary>
    /// Reads findings through <c>arn:aws:iam::126764154305:role/audit/FindingsReader</c>. // Noncompliant SECRETS004
    /// Example for the README: <c>arn:aws:iam::&lt;account-id&gt;:role/FindingsReader</c>. // Compliant SECRETS004
    /// </summary>
    public class AuditFindingsFunction
    {
        // Cross-account reads assume arn:aws:iam::225823698393:role/FindingsReader in the log archive. // Noncompliant SECRETS004
        // Tests use arn:aws:iam::012345678912:role/FindingsReader and arn:aws:iam::000000000000:role/FindingsReader. // Compliant SECRETS004
        /* Sample: arn:aws:iam::987654321098:role/FindingsReader */ // Compliant SECRETS004

        private const string TypedRun = "arn:aws:iam::234567890123:role/FindingsReader"; // Compliant SECRETS004
        private const string Descending = "arn:aws:iam::210987654321:role/FindingsReader"; // Compliant SECRETS004
        private const string Live = "arn:aws:iam::915687353211:role/FindingsReader"; // Noncompliant SECRETS004
        private const string NearRun = "arn:aws:iam::123456780912:role/FindingsReader"; // Noncompliant SECRETS004

        public Task<string> Handle(string input, ILambdaContext context)
        {
            var request = new AssumeRoleRequest { RoleArn = Live, RoleSessionName = "audit" };
            context.Logger.LogLine(TypedRun + Descending + NearRun + request.RoleSessionName);
            return Task.FromResult(input);
        }
    }
}
