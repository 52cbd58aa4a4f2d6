using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken.Model;

namespace Ingest.Functions
{
    public class IngestFunction
    {
        private static readonly HttpClient Http = new HttpClient();

        public async Task<string> FunctionHandler(string payload, ILambdaContext context)
        {
            var session = new SessionAWSCredentials(
                "ASIAMN3DI6CK3P2MBOJI", // Noncompliant SECRETS001
                "B9XUFddLpfa7OO23zhGzX2thmjqfg0BVlPn0f16j", // Noncompliant SECRETS002
                "IQoJb3JpZ2luX2VjmEkrJS3S8Xeftbo8exec2gL2uiLvmiec2cJ/PYdmoA4ENDsXZOkitfdsYFPizJP38B+EamncBBmsrevvhgX/o1ARvDhbMH1y4+PGJL8gHZhgNxLDCG1dOA7LmbmahjrWkTp9Y+y1GHm/iV7CIsnMCSr+g7n59MC449AukJjDyenIF6pwT042zJBmqYM/i5eMsU+UTcR1dbUuSUErhT0ksbD8+usnWYGgN1L+YAh5JuFttVdT+nuUTQX/JK2O1+KNJXJ8/TKhTZHxEB9zikUty9Rh+GEM2veWzfhRRyUX0LgkkPTj7aIdHpG7UM4M4QMHuNI+bSniVhlfWE+h1j0CD/L8nKvlcndLstRMcBwgM4CzzKxjpo1ah2SxHLbYKs2TbThP835NqBoH9UEbqqgiU3qqsINlsRZyQzwRrX8UiZJjhbWKyfOm5KCPgfxKy/ScRWJ/o4MXCNR0Claq/V9EKiInzdBgSW5h199R9BHK4rr6qx9hzDmpqD/0/S3EsVguv7h6xY0rVAZPLIeMoY7Dy5f3AtNrEjW59ZSmkWsOb/XuLsSGbiY3GLG5Q6YPl3XSA7M6OH/3zZTl="); // Noncompliant SECRETS002
            using var s3 = new AmazonS3Client(session, RegionEndpoint.APSoutheast2);

            var immutable = new ImmutableCredentials("ASIAAZZ4VSXVCYLZ6ONN", "GCZfTxyK42d6IPa7teaXh6/lp4y1lu5UWyVip1Gh", "7YteqHPjCSemcesZyAkAA8dcLZixdsFsJqVzauPU/urMVMLjequNX8DpHXH74qX8Dt/Fe2qbWRuwh8wcBYTcdsW5VKjBWd+8p7RvIw8ov30q+y7Z8U3C48FsHkE+asJL56UwA+4mwwOkuZkqWPUIXojs1uqqK+Y90TKAAIKgvWzexkXPiTPfISC6s7CDtUS3/sBH0j5NL7zoOc+Esxk7GIY3ViDUCTogrQsa4al3LIT6H79pmmZSp2h3M103IttBLlFdNHCmHFf2gpwHc2gJ09uaaCO9JwgKYTwptz32tcyvfS4gggxjgtIjWN2JPwL6aSAdPOLfQU=="); // Noncompliant SECRETS001 SECRETS002
            context.Logger.LogLine(immutable.AccessKey.Length.ToString());

            var stsCredentials = new Credentials
            {
                AccessKeyId = "ASIAEECM4IRXRC32ZOJM", // Noncompliant SECRETS001
                SecretAccessKey = "VW9G9wur5DS4DKfsrB5b3gE6sGfxXowdBQUXI9QS", // Noncompliant SECRETS002
                SessionToken = "FwoGZXIvYXdzENBELJIpmfFr6qnXB7nBKow7sGg7HNFeuy92rK3OmglBD4unbHV9xoI7cOF20/OAuNFjP4CUXJA243wrsN/O8imCU8CXDRG9WntjsBx4TxofyLSKORr/+x2J1NFb0Ie5AdIyDoOjFo/5FEJzSVz9EfhiU0PAui7FK+LGWzVsv1PtqzwoTOUWJt+GI3uQ/O3ij2EFxBr6lRMmDI6BPYIjGoXGvU+5SDVYCoMlZ1R/D1rmQWbhV0l1MYA5Ww/pig2tfMISMSzDCfTwBVGOREca/clsWur+ZG7vCQNIg8BbH2J0sfUjtrp3N6oFe/fcRnGPco8km2GtJYG58bYnoWV79qR+gmZc22D4GwHhQhseI9EjIJN1TiGxOFbUXLY+h0wLfCPqO0/wSlwERRdUFX5zQeLwFb/18", // Noncompliant SECRETS002
            };
            context.Logger.LogLine(stsCredentials.AccessKeyId.Length.ToString());

            using var request = new HttpRequestMessage(HttpMethod.Get, "https://ingest-bucket.s3.ap-southeast-2.amazonaws.com/manifest.json");
            request.Headers.Add("X-Amz-Security-Token", "FwoGZXIvYXdzE2Xfb0CwwXBAI8rlCEJ8fYng5MmCSOEgecbeaGkoBUnKv3yiOgDZl5pYmNnghxavdF5eAKEhcinjpQastbMPDbcV+yOkwCLyWHi0tfn+XjESn6/rSnAIx07V7ey3t3xJa4RrHOn4GE/kjvfcNlPpopJzYEN8OZdjjnF9ORDGTTwEEraS7xVmDIFU6jYbt6UJnW/D4emhoUY2u5I9WkODFJv0zcJPKxdiU3jM8enTGNF1YDK7YhuMWZ5tjvbzFbxFZZvqz4RWgJ9mBs3teddAPrlV6AwCD+B0pcW+zLH73p5KY0irngEZ8h3RC79ct/PEHAaWxfJ0Hr1wx40rHC5j2pe94EfaI/Tmf1a3fm3UbAHbjkbtiaNruewvOPtzS7oPnfZiQ87cZK66KaV2H6cyOxEEuauUs1qQ5clowUcc2jA5G+rdEb7tb2QSIQK9BN/HIA6mYHlUrBVjcoKZX6uiUatEn54IXQhUAH5E6n3+ZRcIrrdLsAIwX0gAmbchcTG+ynDNPMcTscqoWpkryAwgabISYDG0qxNwVEmKHATgzYBtChmW2qplFwp6CTljsQV3Wo2XJYGGlCBQJMBB1VEs/Njqn4f/sEs7X9rQ3A/Sn1HNsSpd81jHmPJDJYi77H/Wl4ZGsOMJhTqfAsApVpcfUr8idIc8FNO6LVmf88rHTKUGepHMGFcf4IPIrXuNTQZ0R56akbyMsu0VEQREQP/H0XiSPHtHxEGHKn1CbVrlaJ8nf4V8BpfXxac5PcGxtLR92mu1eYOXAfIWGSzrUFa9jGk3VI2zNkgWWiAakRZRkWSEHsjMcrRkgKP3D4VBX8eLN1GcFU89o4Awg9G3Rvou9s5vGqxXLMxn6Vod7bR3aNXVg7F9Z0Medib345M1qNpjqhGSkvrl92QPawFxaWvBTwIMjgT1Gq3wxpj1h93xgXUpS29HD6pwou9fVRGcJIIolmwlhggyNwrYUP8VBZr/3vqOBkP6jUHiU3ChU9Uz5/T02XiPXPbJFtRNDP/ZvP4zXN3P9ocIQNL1aztuqRgxw=="); // Noncompliant SECRETS002
            request.Headers.Add("X-Request-Token", "f8bee8bd-d2ba-2f01-f5a3-7f54ccb4a75e"); // Compliant SECRETS002
            var response = await Http.SendAsync(request);

            var client = new AmazonS3Client("ASIAOP5TRGWFG3PEWOZZ", "SLLBPC1Tg4qOjyPZVcxr+NtvTfawaa56rfQhUvJ0", "IQoJb3JpZ2luX2VjCk6nQkjJFygWdCBpRRM22Noy1+dmWv/pgufql6IJ+J88BDA16EZpiBAewESi4Tp3kzVuWNKUqr2ncxa8YqjESJ9GuJjJdVGBu8FJZr3tDW918hDDJ63LiWFzXPOXVNurCsYt6UfHFlOcEeNWH4HeCnKErngIhM0LND35eNPSQWISNX4VjZLIyE7qKIErSOH86Qi9Hf5eeQNRIQcQVEaYoJ1Tv5LG5zfL8VK0zkVio5QZs+9ouEy+l1PwjKgoMyvg5ZEajerYJaVPg82bSn3tvR1i6wHDpt0wIq/rIORftd1lGvR1F8/edTFqYJhX5eFLC7aylS8YZYko4gSi16Y6X6u2h9kVDH35aTqn", RegionEndpoint.APSoutheast2); // Noncompliant SECRETS001 SECRETS002
            context.Logger.LogLine(client.Config.ServiceVersion + response.StatusCode);

            var nextToken = "C5yg83AXkiMXGXqLtMacRs7fvaaJa8Ll8j37441OKbiW6JKLK+6+VjiFzkMRFHoIqQlPrdiQbsCAeybue/2w/im/XHAcpt4yrFXfFmRNovmCOaCG2Q9RYayGKSr8EDe9OPxDW4C1QnFKixo0iXDY2J/MdisG5wwjmUgIbfyMJbhbqDWu9s1Q=="; // Compliant SECRETS002 - a pagination token
            var idToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.VJNp9_1izl-yQejp9Po6-m1JJxI8B35EV7G7FigzwXPhKsXWUktg2wcWU3Ya4xMEhyVEXXbLBpj5r86bjCEm8kJsedAeLifIagNkk1tlJjf0BLIJlY7yeBGb.rbOn2g83WKjCwQKiR6Pn92ySCKS_5LWFxlzI9CkvU3c"; // Compliant SECRETS002 // Noncompliant SECRETS005
            context.Logger.LogLine(nextToken.Length + idToken.Length.ToString());
            return payload;
        }

        // Output of `aws sts get-session-token`, pasted for a quick test.
        private const string StsOutput = """
            {
              "Credentials": {
                "AccessKeyId": "ASIAIAJJOCFMWMXLXLGP",
                "SecretAccessKey": "3qfBmMUWX5N0U4ZWPztZIg9K3FPq06RDz2/ONKBj",
                "SessionToken": "FwoGZXIvYXdzEzJGeTbwuIDBQBbZReyXxRvR+Hzch29DTa4acd8PaRwtX/2p9TqymNYXgq3QpxVN59Mlthg0CPDmGGP2cEpNdp1vRCeSwmERAd1/gP1oJZhlXPVa8cb6Cm7oNSYxWb4B7CuHsDc3gVxxn8O9B52OiejHw6OmUkuS8M2TNkHfyNYu/cNrFCO6zRi/Lz+Zn+K8gdyR1eqKkpyIIHQMPrreXNmt7obKspBPXvg9PNdgnyl/H9xCAbYDDJW4qvi/7rcKwlVCP1JeP9Wmy2PhFRwtGGhhoX0Avp89mlbGM0gl+mwFNxuIrvmaO1ZPuoxYsGbOs0P1ipVtylYvFDsOATp9AH7kiFlDpbwnNiyOcHB2XWKsOVtU76iArzOaGp5n1lAUehfgEQTwCsSQZefmJ7YmlvQofEPbO==",
                "Expiration": "2024-06-01T12:00:00Z"
              }
            }
            """;
        // Noncompliant@-7 SECRETS001
        // Noncompliant@-7 SECRETS002
        // Noncompliant@-7 SECRETS002

        private static readonly Dictionary<string, string> LocalEnv = new()
        {
            ["AWS_SESSION_TOKEN"] = "IQoJb3JpZ2luX2VjGvQG1glZlJAW3nXPibzNaKyAgys59s6IBz5x34wUzEsK1BxK7x++GdxEaUnCcOpdlUYrQLmeyz5gtCGUTahfhbh0txUMfnAV68yQDnmvxONUk3Iji0KIP4ULOcpY0EAHChIqI1VGqDKb7voudVG9zR/WP2HnO9GiXrexTerp1jkQ+g4JJ7tJ0bbHKgZ4hAAX7BP1yz/0Nr0AfeOQkuRodqYpBaMaZ7B/CfyL5J0ERI+EJ8y33hwRzp7NiN8wMTlFDEotpIUdOKdxQC5KHUScIy68rtASeJOJf05T3q9U6VasFARFsGCfQ9/2NCmBJQE2aObB6vPEP6Xmszo9xnsCI8j3/4nyTkaZidtD", // Noncompliant SECRETS002
            ["AWS_LAMBDA_FUNCTION_NAME"] = "ingest",
        };

        public string Ini() => "[temp]\naws_session_token = eS528+hhYwR8mM6p06wjcaN8oR97FVgWtuWSLyhL2KSAxsSixzh9pFuMQ7N/SKDwiLSLOOiKOqc82/40A0YdXJxFKuS2oZNgdFO7SMn8XpYbSPgo6X2xW9d6GzDid0PIv8JYPa3yRSoU+VFF/LG7Ct5gDb0ze/SpeCwCmIBqbNAbceUxf4PT==\n"; // Noncompliant SECRETS002

        public string StsPrefixOnly() => "FwoGZXIvYXdzE2ayxDRdN88K/otxAY5NPcmO3mqu4Fl36rMoLNObXnt5g904uK+/ZDS8m61vzpRXBUqqPXCsQpLblOP2bOdD3vDCPCpVDRDAa28Zwu6v69XqONxZ0BqF8vfaVFqvGp8qvXr76/tgmLTCLZ0kciWRTe/LhUnwRiTEF3tzRDWJ4trP9qW0oArm6NlvnIXBNP4VdezneVQaXHtdwwE8MIt9w5uB7KZ0rpCOK/ChZa9zBwU1t9211c9xPBXbwX4+WF/XQmZgC4jSP2SRT9Gz4r58pZMsreCFIfs5Hp5FSGMFCzlK+/TH28gGPoDtQxB/7rzNOa1w4dVFFik01DAGtAM/lfNjq4X9rjrNdzlS1wbyYRZ7ATTVntkYtYNf0XCG9iFx9m5ROZXofgYVTjhbbe57jmcypeNTS3R9Aj8BzHEJjQr0yVMujSyKDqoDG7Sai4HIL0sksROz2i0yMSwuRJIAuF/OArEWiQ0Ptc2pbRJaSYPxjai3zkCRHRlcuSB19rN4dUhKvaJrgy0I2bYh1/3rnwxqr3w1v05RX4d01jLEoGz1UBGWNsRJVmHPJiGWVoFz8OUK8S2WRmGiElXhVO4X1nCRX1thJAcXki6sIOFXcoxGn/O4z01MBVxw6FAKYo1qUOpsCTvk83QyUNhwKBDzKxqktb93RUWAtJK85lh2+84MUW+6q0DGBfHXn7YqsFlMLHf/od08OpzR6qcA1=="; // Noncompliant SECRETS002

        public string Describe() => StsOutput.Length + LocalEnv.Count.ToString();
    }
}
