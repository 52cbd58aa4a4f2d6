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
            "IQoJb3JpZ2luX2VjEN7//////////wEaCWV1LXdlc3QtMSJHMEUCIQDx7Rk2Lz8p4Qm9Vt3Yw6Hs1Ja5Nc0Gb2Kf7Ue4Xi8OdAIgTq3Lw9Z",
            "IQoJb3JpZ2luX2VjEN7//////////wEaCWV1LXdlc3QtMSJHMEUCIQDx7Rk2Lz8p4Qm9Vt3Yw6Hs1Ja5Nc0Gb2Kf7Ue4Xi8OdAIgTq3Lw9Z==",
            "eyJhbGciOiJSUzI1NiJ9.IQoJb3JpZ2luX2VjEN7wEaCWV1LXdlc3QtMSJHMEUCIQDx7Rk2Lz8p4Qm9Vt3Yw6Hs1Ja5Nc0Gb2Kf7Ue4Xi8OdAIgTq3",
            "secret=q8Vd2L/fT7xKp9Wm+Rz3Nc6Hy1Bj4Ge0Ua5Os7Qi",
            "q8Vd2L/fT7xKp9Wm+Rz3Nc6Hy1Bj4Ge0Ua5Os7Qi_",
            "-q8Vd2L/fT7xKp9Wm+Rz3Nc6Hy1Bj4Ge0Ua5Os7Qi",
            "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        };

        [Fact]
        public void EachQuickTest_OnARange_AnswersAsOnTheValueAlone()
        {
            foreach (string value in Values)
            {
                AnswersAsOnTheValueAlone(value);
            }
        }

        [Fact]
        public void MayHoldSecret_OnARange_AnswersAsOnTheValueAlone_AndFindsTheKeyShapes()
        {
            // A key, a token, a key after a label; a JWT, keys joined to a word, a SHA-1.
            Assert.All(new[] { 7, 17, 18, 20 }, i => Assert.True(AwsKeys.MayHoldSecret(Values[i]), i.ToString()));
            Assert.All(new[] { 19, 21, 22, 23 }, i => Assert.False(AwsKeys.MayHoldSecret(Values[i]), i.ToString()));
            var random = new System.Random(2);
            const string alphabet = "AZaz09+/=_-.\" ";
            for (int n = 0; n < 3000; n++)
            {
                var b = new System.Text.StringBuilder();
                for (int k = random.Next(0, 3); k > 0; k--)
                {
                    b.Append(alphabet[random.Next(alphabet.Length)]);
                }

                int start = b.Length;
                string value = Values[17 + random.Next(7)];
                b.Append(value, 0, random.Next(System.Math.Min(40, value.Length), value.Length + 1));
                int end = b.Length;
                for (int k = random.Next(0, 3); k > 0; k--)
                {
                    b.Append(alphabet[random.Next(alphabet.Length)]);
                }

                string text = b.ToString();
                for (int s = 0; s <= start; s++)
                {
                    for (int e = end; e <= text.Length; e++)
                    {
                        Assert.True(AwsKeys.MayHoldSecret(text.Substring(s, e - s)) == AwsKeys.MayHoldSecret(text, s, e), $"{n}: [{s}, {e})");
                    }
                }
            }
        }

        private static void AnswersAsOnTheValueAlone(string value)
        {
            foreach ((string before, string after) in new[] { ("", ""), ("\"", "\""), ("A", "A"), ("AKIA", "7"), ("x:", ":iam:"), ("pass", "//"), ("_", "-"), ("a.", ".b"), ("x", "==") })
            {
                string text = before + value + after;
                int start = before.Length, end = before.Length + value.Length;
                Assert.Equal(AwsKeys.FindAccessKeyId(value, 0) >= 0, AwsKeys.FindAccessKeyId(text, start, start, end) >= 0);
                Assert.Equal(AwsKeys.HasLongKeyRun(value), AwsKeys.HasLongKeyRun(text, start, end));
                Assert.Equal(ConnectionStrings.QuickTest(value), ConnectionStrings.QuickTest(text, start, end));
                Assert.Equal(Arns.MayContainRoleArn(value), Arns.MayContainRoleArn(text, start, end));
                Assert.True(AwsKeys.MayHoldSecret(value) == AwsKeys.MayHoldSecret(text, start, end), $"MayHoldSecret, value {Values.Length}: {before.Length}+{value.Length}+{after.Length}");
                int found = AwsKeys.FindAccessKeyId(value, 0);
                Assert.Equal(found < 0 ? -1 : found + start, AwsKeys.FindAccessKeyId(text, start, start, end));
            }
        }
    }
}
