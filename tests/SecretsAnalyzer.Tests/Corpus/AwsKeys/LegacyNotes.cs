using Amazon;
using Amazon.Lambda.Core;
using Amazon.S3;

namespace Legacy.Notifications
{
    /// <summary>
    /// Sends notifications. Until 2023 this used the deploy user's keys:
    /// access key AKIASFBT3YWIMR4AO5BG and secret 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.
    /// </summary>
    // Noncompliant@-2 SECRETS001
    // Noncompliant@-3 SECRETS002
    public class NotificationFunction
    {
        // TODO(rotate): AKIA key below belongs to the old deploy user
        // AKIAQJGH7PVJGYK4CD2Z // Noncompliant SECRETS001
        private readonly AmazonS3Client _s3 = new AmazonS3Client(RegionEndpoint.USEast1);

        /* Local testing credentials (do not commit!):
           aws_access_key_id     = AKIABKOAOD4FWBY7MCEQ
           aws_secret_access_key = 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
        */
        // Noncompliant@-3 SECRETS001
        // Noncompliant@-3 SECRETS002

        /// <param name="message">The message text.</param>
        /// <param name="context">Lambda context. Secret key for local runs: IaRWdsZAdw52k1J9wMHlCh+Wc60LO0SMJRuXf19G</param>
        // Noncompliant@-1 SECRETS002
        public string Handler(string message, ILambdaContext context)
        {
            // secret_access_key: JlXBHsVo7pJ4aeHoF8f0kJzUslxYULkvfpxcrrL8 // Noncompliant SECRETS002
            // The request id looks like 1bb4b959c598c6d20b18bdd3b2f2932e792e20ad in the logs. // Compliant SECRETS002
            // See commit 92e857b842335e415b8336b5c409753dd8b43ad3 for the move to the execution role. // Compliant SECRETS002
            // Keys look like AKIA followed by 16 characters; never paste one here. // Compliant SECRETS001
            context.Logger.LogLine(message);
            return _s3.Config.RegionEndpoint.SystemName;
        }

#if LOCAL_CREDENTIALS
        private static readonly string LocalKeyId = "AKIADCGUBIWFKNN3UO3X"; // Noncompliant SECRETS001
        private static readonly string LocalSecretKey = "CN6qTWNf/YSAuAO02hfO28u1UFOeL5wZV+c2x4y3"; // Noncompliant SECRETS002
#endif

        // Example from the AWS docs: AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY // Compliant SECRETS001 SECRETS002
    }
}
