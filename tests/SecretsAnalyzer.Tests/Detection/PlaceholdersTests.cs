using SecretsAnalyzer.Detection;
using Xunit;

namespace SecretsAnalyzer.Tests.Detection
{
    public class PlaceholdersTests
    {
        private static bool Is(string value, string? user = null) => Placeholders.IsPlaceholder(value, 0, value.Length, user);

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("{0}")]
        [InlineData("{1:N}")]
        [InlineData("{name}")]
        [InlineData("{password}")]
        [InlineData("{dbPassword}")]
        [InlineData("{Db.Password}")]
        [InlineData("{{x}}")]
        [InlineData("{{ db_password }}")]
        [InlineData("${VAR}")]
        [InlineData("${DB_PASSWORD}")]
        [InlineData("${db.password}")]
        [InlineData("$VAR")]
        [InlineData("$DB_PASSWORD")]
        [InlineData("$dbPassword")]
        [InlineData("%VAR%")]
        [InlineData("%DB_PASSWORD%")]
        [InlineData("<password>")]
        [InlineData("<your password>")]
        [InlineData("<secret>")]
        [InlineData("[password]")]
        [InlineData("[DB PASSWORD]")]
        [InlineData("__X__")]
        [InlineData("__DB_PASSWORD__")]
        [InlineData("#{DbPassword}#")]
        [InlineData("#{DbPassword}")]
        [InlineData("$(DbPassword)")]
        [InlineData("@@PASSWORD@@")]
        [InlineData("****")]
        [InlineData("********")]
        [InlineData("xxxx")]
        [InlineData("XXXXXXXX")]
        [InlineData("....")]
        [InlineData("\u2022\u2022\u2022\u2022")]
        [InlineData("x")]
        [InlineData("YOUR_PASSWORD_HERE")]
        [InlineData("your_password")]
        [InlineData("your-password")]
        [InlineData("YourPassword")]
        [InlineData("yourStrong(!)Password")]
        [InlineData("password")]
        [InlineData("Password")]
        [InlineData("PASSWORD")]
        [InlineData("changeme")]
        [InlineData("ChangeMe")]
        [InlineData("change_me")]
        [InlineData("myPassword")]
        [InlineData("my_password")]
        [InlineData("db_password")]
        [InlineData("secret")]
        [InlineData("REPLACE_WITH_PASSWORD")]
        [InlineData("<insert password here>")]
        [InlineData("redacted")]
        [InlineData("<YourStrong@Passw0rd>")]
        [InlineData("YourStrong@Passw0rd")]
        [InlineData("REPLACE_ME")]
        [InlineData("PASSWORD_GOES_HERE")]
        [InlineData("@password")]
        [InlineData(":password")]
        [InlineData("...")]
        [InlineData("***)")]
        [InlineData("\u2026</c>")]
        [InlineData("test")]
        [InlineData("\uFFFC")]
        [InlineData("\uFFFC\uFFFC")]
        [InlineData(" \uFFFC ")]
        [InlineData("\uFFFC!")]
        [InlineData("{\uFFFC}")]
        [InlineData("%(password)s")]
        [InlineData("%(db_password)s")]
        [InlineData("%(db.password)r")]
        [InlineData("{{name}}")]
        [InlineData("{{{ password }}}")]
        [InlineData("{% password %}")]
        [InlineData("{# secret #}")]
        [InlineData("$(NAME)")]
        [InlineData("$(DB_PASSWORD)")]
        [InlineData("#{name}")]
        [InlineData("<%= name %>")]
        [InlineData("<%= ENV['DB_PASSWORD'] %>")]
        [InlineData("@@name@@")]
        [InlineData("&lt;password&gt;")]
        [InlineData("&lt;your-db-password&gt;")]
        [InlineData("{password}]")]
        [InlineData("[{password}]")]
        [InlineData("[:{password}]")]
        [InlineData("password]")]
        [InlineData("[password")]
        [InlineData("[[password]]")]
        [InlineData("<password>]")]
        [InlineData("****]")]
        [InlineData("{password}]]")]
        [InlineData("[{password}")]
        [InlineData("${DB_PASSWORD}]")]
        public void Placeholder(string value)
        {
            Assert.True(Is(value), value);
        }

        [Theory]
        [InlineData("Qm7#vR2!xLp9")]
        [InlineData("Tr0ub4dor&3")]
        [InlineData("hunter2")]
        [InlineData("correct-horse-battery-staple-42")]
        [InlineData("Xk9mq2")]
        [InlineData("$ecret99")]
        [InlineData("P@ssw0rd!2024")]
        [InlineData("Arch!ve-\uFFFC")]
        [InlineData("\uFFFC2024!")]
        [InlineData("{Xu5;hL2=q}")]
        [InlineData("{Xk9mq2}")]
        [InlineData("Sup3r$ecretPassw0rd")]
        [InlineData("s3cr3t-pr0d")]
        [InlineData("ab")]
        [InlineData("Xk9]q2]")]
        [InlineData("[Qm7#vR2!xLp9")]
        [InlineData("Qm7#vR2!xLp9]")]
        [InlineData("%(Qm7#vR2)s")]
        [InlineData("%(Qm7!vR2)x")]
        [InlineData("&lt;Qm7#vR2")]
        [InlineData("{%Xk9mq2}")]
        [InlineData("Qm7#vR2]")]
        [InlineData("[Qm7#vR2")]
        [InlineData("{Xk9mq2}]")]
        [InlineData("[{password}]x")]
        [InlineData("Pw[{password}]")]
        public void RealPassword(string value)
        {
            Assert.False(Is(value), value);
        }

        [Theory]
        [InlineData("orders_app", "orders_app")]
        [InlineData("Postgres", "postgres")]
        [InlineData("guest", "guest")]
        public void EqualToUserName(string value, string user)
        {
            Assert.True(Is(value, user));
            Assert.False(Is(value + "9!", user));
        }

        [Fact]
        public void Slice_IsMeasuredInPlace()
        {
            const string text = "Password=********;Pwd=Qm7#vR2!xLp9";
            Assert.True(Placeholders.IsPlaceholder(text, 9, 8, null));
            Assert.False(Placeholders.IsPlaceholder(text, 22, 12, null));
        }
    }
}
