using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.Lambda.Core;

namespace Audit.Functions
{
    /// <summary>Audit trail: hashes, ids and patterns that look like keys but are not.</summary>
    public class AuditFunction
    {
        private static readonly Regex AccessKeyPattern = new Regex("(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Z0-9])"); // Compliant SECRETS001
        private static readonly Regex SecretKeyPattern = new Regex(@"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])"); // Compliant SECRETS002
        private const string KeyIdShape = "AKIA[0-9A-Z]{16}"; // Compliant SECRETS001

        private const string DocsKeyId = "AKIAIOSFODNN7EXAMPLE"; // Compliant SECRETS001
        private const string DocsSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"; // Compliant SECRETS002
        private const string DocsSessionKeyId = "ASIAIOSFODNN7EXAMPLE"; // Compliant SECRETS001
        private const string OtherDocsSecret = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"; // Compliant SECRETS002
        private const string DocsSessionToken = "AQoDYXdzEJr1K2k5RzBqMYNbR6XkExAMPLEtOkEN+1g5U4Sq2XYSBrMqPvV/xYsFFG7rYgQWEKiVpN9r3b0vJ5Q3Y2hW6H0s6U8cK3pG1zN0gYtEXAMPLE"; // Compliant SECRETS002

        private const string UserId = "AIDAYLNKMKFJSA45HBK7"; // Compliant SECRETS001
        private const string RoleId = "AROA4T7FQKUTEXCNUVET"; // Compliant SECRETS001
        private const string GroupId = "AGPAGPJ7SRRMF7JJU6MI"; // Compliant SECRETS001
        private const string PolicyId = "ANPA6QOPFIQUOZNTZE6X"; // Compliant SECRETS001
        private const string InstanceProfileId = "AIPAUQL3VPXCD4U44FCF"; // Compliant SECRETS001
        private const string PublicKeyId = "APKAU2Y72ZOSTXSJVEBQ"; // Compliant SECRETS001
        private const string CertificateId = "ASCAA2ZZSR4YXUAZB65E"; // Compliant SECRETS001
        private const string ManagedPolicyVersionId = "ANVAKOIN4ILDHFDPB7DL"; // Compliant SECRETS001

        private const string ReleaseCommit = "a5ba3f49dfa196aa5667db765d154f5bfe3d604c"; // Compliant SECRETS002
        private const string WebhookSecretHex = "F3FF0754209E79C83680FF5E59ACF2C0C4DDB7A9"; // Compliant SECRETS002 // Noncompliant SECRETS005
        private const string GitTreeSha = "0aee0be8d69e60f8ceaff0e0d11c861103f211d6"; // Compliant SECRETS002
        private const string CorrelationId = "c7771974-240b-f2ed-1c6b-edbc2ece9cee"; // Compliant SECRETS002
        private const string SampleJwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.gcMUmMyFf4W0TkGvp-t0daVgaer9qNi91SdXFDCHJy4hcPdXSPXe2TukniI_GU77v6ObmvLlPOtFdhAwNmD7n5DOeZZX_cJ0sN8n3AvuLCvRMLvTOQM7Rk55.rZ-_lD3kVEM8SvJ5jUjwBz1YoZiRS-44XdU6y9Hu88g"; // Compliant SECRETS002
        private const string ThumbprintBase64 = "gmRVExVbcdfsc1v1cniQaTwIGymEB/fF38dNosiK"; // Compliant SECRETS002
        private const string ContentMd5 = "XrY7u+Ae7tCTyyK7j1rNww=="; // Compliant SECRETS002
        private const string Sha256Base64 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; // Compliant SECRETS002
        private const string PagingCursor = "1BGVqFz6Mum0w6+bNlsk8h2l1IXiNoRAnKG1XihH"; // Compliant SECRETS002
        private const string EnvKeyIdName = "AWS_ACCESS_KEY_ID"; // Compliant SECRETS001
        private const string EnvSecretName = "AWS_SECRET_ACCESS_KEY"; // Compliant SECRETS002
        private const string EnvTokenName = "AWS_SESSION_TOKEN"; // Compliant SECRETS002
        private const string ProfileKeyName = "aws_secret_access_key"; // Compliant SECRETS002
        private const string Placeholder = "AKIAXXXXXXXXXXXXXXXX"; // Compliant SECRETS001
        private const string TooLongForAKey = "AKIA4SKSJYBEP6AP77IOQ"; // Compliant SECRETS001
        private const string LowerCaseId = "akiaWGHVLOMVL2OQ6YD5"; // Compliant SECRETS001
        private const string LocalStackKey = "test"; // Compliant SECRETS001 SECRETS002

        private static readonly Dictionary<string, string> Hashes = new()
        {
            ["secret-manifest.json"] = "ad5c28e99e2cfd444d9d8150aba0ba0656f91fb7", // Compliant SECRETS002
            ["previous"] = "b336b65c8ff8ff640004aa04a786c0959ffc8f6f", // Compliant SECRETS002
        };

        public string Handler(string body, ILambdaContext context)
        {
            string digest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(body)));
            var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
            var secretHash = "D8A63C8D7B263E77872688A1EDC7E76B72540F75"; // Compliant SECRETS002
            var clientSecret = "vcqqvD78pSqJ0sPZAPJH4KwjjhKBh4e/nj6869Vz"; // Compliant SECRETS002 // Noncompliant SECRETS005 - an OAuth client secret, not an AWS key
            var jwtSecret = "x6DoUJMxKwBemtz3xXmeCyCqKVenR2z0MKT4Hztv"; // Compliant SECRETS002 // Noncompliant SECRETS005
            var state = "7dufS/TyxrYzejo33ERvJoCQv8iaO7jLhR1GHLgC"; // Compliant SECRETS002
            if (AccessKeyPattern.IsMatch(body) || SecretKeyPattern.IsMatch(body))
            {
                throw new InvalidOperationException("The payload contains something that looks like an AWS access key (AKIA…); refusing to store it."); // Compliant SECRETS001
            }

            context.Logger.LogLine($"digest {digest} payload {payload.Length} {secretHash} {clientSecret.Length} {jwtSecret.Length} {state.Length}");
            context.Logger.LogLine("Upload manifest: eyJ2ZXJzaW9uIjoxLCJmaWxlcyI6WyJhLmNzdiIsImIuY3N2Il0sImNyZWF0ZWQiOiIyMDI0LTA2LTAxIn0="); // Compliant SECRETS002
            context.Logger.LogLine("Set AWS_SECRET_ACCESS_KEY in the function configuration, never in code."); // Compliant SECRETS002
            context.Logger.LogLine("Invalid secret access key length: expected 40 characters."); // Compliant SECRETS002
            return string.Join(",", KeyIdShape, DocsKeyId, DocsSecretKey, DocsSessionKeyId, OtherDocsSecret, DocsSessionToken, UserId, RoleId, GroupId, PolicyId, InstanceProfileId, PublicKeyId, CertificateId, ManagedPolicyVersionId, ReleaseCommit, WebhookSecretHex, GitTreeSha, CorrelationId, SampleJwt, ThumbprintBase64, ContentMd5, Sha256Base64, PagingCursor, EnvKeyIdName, EnvSecretName, EnvTokenName, ProfileKeyName, Placeholder, TooLongForAKey, LowerCaseId, LocalStackKey, Hashes.Count);
        }
    }
}
