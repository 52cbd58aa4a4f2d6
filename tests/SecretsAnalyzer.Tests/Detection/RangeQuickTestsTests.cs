using SecretsAnalyzer.Detection;
using Xunit;

namespace SecretsAnalyzer.Tests.Detection
{
    /// <summary>
    /// The quick tests run on a literal's value where it stands in the source, <c>text[start..end)</c>, without a copy.
    /// They must answer exactly as on the value alone, whatever touches the range on either side.
    /// </summary>
    public class RangeQuickTestsTests
    {
        // The values are checked in one fact, not as theory data, so no test name carries a key or a password.
        private static readonly string[] Values =
        {
            string.Empty,
            "A",
            "AKIAR7TQ2WXZ5MNB3KLD",
            "AKIAR7TQ2WXZ5MNB3KLDX",
            "xAKIAR7TQ2WXZ5MNB3KLD",
            "key=AKIAR7TQ2WXZ5MNB3KLD;",
            "ASIAR7TQ2WXZ5MNB3KL",
            "q8Vd2L/fT7xKp9Wm+Rz3Nc6Hy1Bj4Ge0Ua5Os7Qi",
            "q8Vd2L/fT7xKp9Wm+Rz3Nc6Hy1Bj4Ge0Ua5Os7Q",
            "Server=db;User Id=app;Password=hunter2;",
            "postgres://u:p@h/db",
            "jdbc:mysql://h/db",
            "pw",
            "Pwd",
            "arn:aws:iam::123456789012:role/App",
            ":iam",
            ":iam:",
        };

        [Fact]
        public void EachQuickTest_OnARange_AnswersAsOnTheValueAlone()
        {
            foreach (string value in Values)
            {
                AnswersAsOnTheValueAlone(value);
            }
        }

        private static void AnswersAsOnTheValueAlone(string value)
        {
            foreach ((string before, string after) in new[] { ("", ""), ("\"", "\""), ("A", "A"), ("AKIA", "7"), ("x:", ":iam:"), ("pass", "//") })
            {
                string text = before + value + after;
                int start = before.Length, end = before.Length + value.Length;
                Assert.Equal(AwsKeys.FindAccessKeyId(value, 0) >= 0, AwsKeys.FindAccessKeyId(text, start, start, end) >= 0);
                Assert.Equal(AwsKeys.HasLongKeyRun(value), AwsKeys.HasLongKeyRun(text, start, end));
                Assert.Equal(ConnectionStrings.QuickTest(value), ConnectionStrings.QuickTest(text, start, end));
                Assert.Equal(Arns.MayContainRoleArn(value), Arns.MayContainRoleArn(text, start, end));
                int found = AwsKeys.FindAccessKeyId(value, 0);
                Assert.Equal(found < 0 ? -1 : found + start, AwsKeys.FindAccessKeyId(text, start, start, end));
            }
        }
    }
}
