using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using SecretsAnalyzer.Detection;
using Xunit;

namespace SecretsAnalyzer.Tests.Detection
{
    public class ArnsTests
    {
        private const char H = Chars.Hole;

        private static List<RoleArnMatch> Find(string text, params string[] allowed)
        {
            var results = new List<RoleArnMatch>();
            Arns.FindRoleArns(text, results, allowed);
            return results;
        }

        private static RoleArnMatch Single(string text)
        {
            List<RoleArnMatch> matches = Find(text);
            Assert.Single(matches);
            return matches[0];
        }

        [Theory]
        [InlineData("arn:aws:iam::560788957781:role/OrdersReader", "560788957781", "role/OrdersReader")]
        [InlineData("arn:aws-cn:iam::383366203896:role/Reader", "383366203896", "role/Reader")]
        [InlineData("arn:aws-us-gov:iam::907215536482:role/ops/Deployer", "907215536482", "role/ops/Deployer")]
        [InlineData("arn:aws-iso:iam::274301958826:role/a", "274301958826", "role/a")]
        [InlineData("arn:aws-iso-b:iam::274301958826:role/a", "274301958826", "role/a")]
        [InlineData("arn:aws-iso-e:iam::274301958826:role/a", "274301958826", "role/a")]
        [InlineData("arn:aws-iso-f:iam::274301958826:role/a", "274301958826", "role/a")]
        [InlineData("arn:aws-eusc:iam::274301958826:role/a", "274301958826", "role/a")]
        [InlineData("arn:aws:iam::560788957781:role/service-role/my.role+x=y,z@w_-1", "560788957781", "role/service-role/my.role+x=y,z@w_-1")]
        [InlineData("arn:aws:iam::560788957781:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS", "560788957781", "role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS")]
        public void LiteralAccount_BindsTheFunction(string arn, string account, string resource)
        {
            RoleArnMatch match = Single(arn);
            Assert.Equal(RoleArnKind.BoundAccount, match.Kind);
            Assert.Equal(0, match.Start);
            Assert.Equal(arn.Length, match.Length);
            Assert.Equal(account, match.Account(arn));
            Assert.Equal(resource, match.Resource(arn));
        }

        [Theory]
        [InlineData("arn:aws:iam::*:role/*")]
        [InlineData("arn:aws:iam::*:role/Reader")]
        [InlineData("arn:aws:iam::?:role/Reader")]
        [InlineData("arn:aws:iam::5607889577*:role/Reader")]
        [InlineData("arn:aws:iam::56078895778?:role/Reader")]
        [InlineData("arn:aws-cn:iam::*:role/app/*")]
        public void WildcardAccount_IsAmbiguous(string arn)
        {
            RoleArnMatch match = Single(arn);
            Assert.Equal(RoleArnKind.WildcardAccount, match.Kind);
            Assert.Equal(arn.Length, match.Length);
        }

        [Theory]
        [InlineData("arn:aws:iam::560788957781:role/*")]
        [InlineData("arn:aws:iam::560788957781:role/orders-*")]
        [InlineData("arn:aws:iam::560788957781:role/app/Reader?")]
        public void WildcardRoleName_WithALiteralAccount(string arn)
        {
            RoleArnMatch match = Single(arn);
            Assert.Equal(RoleArnKind.WildcardRoleName, match.Kind);
            Assert.Equal("560788957781", match.Account(arn));
        }

        [Fact]
        public void WildcardInThePathOnly_DoesNotMakeTheNameAWildcard()
        {
            Assert.Equal(RoleArnKind.BoundAccount, Single("arn:aws:iam::560788957781:role/team-*/Reader").Kind);
        }

        [Theory]
        [InlineData("arn:aws:iam::aws:policy/AdministratorAccess")]
        [InlineData("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")]
        [InlineData("arn:aws:iam::560788957781:policy/OrdersRead")]
        [InlineData("arn:aws:iam::560788957781:user/deploy")]
        [InlineData("arn:aws:iam::560788957781:group/admins")]
        [InlineData("arn:aws:iam::560788957781:instance-profile/web")]
        [InlineData("arn:aws:iam::560788957781:oidc-provider/token.actions.githubusercontent.com")]
        [InlineData("arn:aws:sts::560788957781:assumed-role/Reader/session")]
        [InlineData("arn:aws:sqs:eu-west-1:560788957781:orders")]
        [InlineData("arn:aws:sns:eu-west-1:560788957781:alerts")]
        [InlineData("arn:aws:secretsmanager:eu-west-1:560788957781:secret:db-AbCdEf")]
        [InlineData("arn:aws:s3:::orders-bucket/role/x")]
        [InlineData("arn:aws:lambda:eu-west-1:560788957781:function:orders")]
        [InlineData("arn:aws:iam:eu-west-1:560788957781:role/Reader")]
        public void NonRoleArns_AreNeverReported(string text)
        {
            Assert.Empty(Find(text));
        }

        [Theory]
        [InlineData("arn:aws:iam::123456789012:role/Reader")]
        [InlineData("arn:aws:iam::111122223333:role/Reader")]
        [InlineData("arn:aws:iam::444455556666:role/Reader")]
        [InlineData("arn:aws:iam::777788889999:role/Reader")]
        [InlineData("arn:aws:iam::000000000000:role/Reader")]
        [InlineData("arn:aws:iam::999999999999:role/*")]
        [InlineData("arn:aws:iam::012345678901:role/Reader")]
        [InlineData("arn:aws:iam::012345678912:role/Reader")]
        [InlineData("arn:aws:iam::234567890123:role/Reader")]
        [InlineData("arn:aws:iam::987654321098:role/Reader")]
        [InlineData("arn:aws:iam::987654321000:role/Reader")]
        [InlineData("arn:aws:iam::210987654321:role/Reader")]
        [InlineData("arn:aws:iam::555555555555:role/Reader")]
        [InlineData("arn:aws:iam::123456789000:role/Reader")]
        public void DocumentationAndPlaceholderAccounts_AreNotReported(string text)
        {
            Assert.Empty(Find(text));
        }

        [Theory]
        [InlineData("arn:aws:iam::123456780912:role/Reader")]
        [InlineData("arn:aws:iam::123456781234:role/Reader")]
        [InlineData("arn:aws:iam::908172635445:role/Reader")]
        [InlineData("arn:aws:iam::987654312345:role/Reader")]
        [InlineData("arn:aws:iam::555555555554:role/Reader")]
        [InlineData("arn:aws:iam::135792468013:role/Reader")]
        public void AccountsThatOnlyResembleARun_AreReported(string text)
        {
            Assert.Single(Find(text));
        }

        [Fact]
        public void WildcardAccounts_AreReportedEvenWhenTheyLookLikeDocs()
        {
            Assert.Single(Find("arn:aws:iam::12345678901?:role/Reader"));
        }

        [Fact]
        public void AllowedAccounts_AreNotReported_OthersStillAre()
        {
            const string text = "arn:aws:iam::560788957781:role/Audit arn:aws:iam::383366203896:role/Reader";
            List<RoleArnMatch> matches = Find(text, "560788957781", "907215536482");
            Assert.Single(matches);
            Assert.Equal("383366203896", matches[0].Account(text));
            Assert.Single(Find("arn:aws:iam::*:role/Audit", "560788957781"));
            Assert.Empty(Find("arn:aws:iam::560788957781:role/*", "560788957781"));
        }

        [Theory]
        [InlineData("arn:aws:iam::\uFFFC:role/Reader")]
        [InlineData("arn:aws:iam::\uFFFC:role/\uFFFC")]
        [InlineData("arn:aws:iam::5607\uFFFC81:role/Reader")]
        [InlineData("arn:aws:iam::{0}:role/{1}")]
        [InlineData("arn:aws:iam::${AWS::AccountId}:role/Reader")]
        [InlineData("arn:aws:iam::<account-id>:role/Reader")]
        [InlineData("arn:aws:iam::ACCOUNT_ID:role/Reader")]
        [InlineData("arn:aws:iam:::role/Reader")]
        [InlineData("arn:aws:iam::56078895778:role/Reader")]
        [InlineData("arn:aws:iam::5607889577812:role/Reader")]
        [InlineData("arn:\uFFFC:iam::\uFFFC:role/Reader")]
        public void AccountsFromHolesPlaceholdersOrMalformed_AreNotReported(string text)
        {
            Assert.Empty(Find(text));
        }

        [Fact]
        public void HoleInThePartitionOrName_KeepsTheLiteralAccount()
        {
            string text = "arn:" + H + ":iam::383366203896:role/" + H;
            RoleArnMatch match = Single(text);
            Assert.Equal(RoleArnKind.BoundAccount, match.Kind);
            Assert.Equal(text.Length, match.Length);
            Assert.Equal(RoleArnKind.BoundAccount, Single("arn:aws:iam::383366203896:role/" + H + "-reader").Kind);
        }

        [Theory]
        [InlineData("ARN:AWS:IAM::560788957781:ROLE/Reader")]
        [InlineData("arn:azure:iam::560788957781:role/Reader")]
        [InlineData("arn:aws-:iam::560788957781:role/Reader")]
        [InlineData("arn:aws-US:iam::560788957781:role/Reader")]
        [InlineData("xarn:aws:iam::560788957781:role/Reader")]
        [InlineData("learn:aws:iam::560788957781:role/Reader")]
        [InlineData("arn:aws:iam::560788957781:Role/Reader")]
        [InlineData("arn:aws:iam::560788957781:role")]
        [InlineData("arn:aws:iam::")]
        [InlineData("arn:")]
        [InlineData("arn")]
        [InlineData("")]
        public void LookAlikes_AreNotRoleArns(string text)
        {
            Assert.Empty(Find(text));
        }

        [Theory]
        [InlineData("Assuming arn:aws:iam::560788957781:role/Reader.", "role/Reader")]
        [InlineData("arn:aws:iam::560788957781:role/Reader, then", "role/Reader")]
        [InlineData("arn:aws:iam::560788957781:role/my.role,x", "role/my.role,x")]
        [InlineData("arn:aws:iam::560788957781:role/A,arn:aws:iam::aws:policy/ReadOnlyAccess", "role/A")]
        public void TrailingPunctuation_IsNotPartOfTheName(string text, string resource)
        {
            Assert.Equal(resource, Single(text).Resource(text));
        }

        [Fact]
        public void EmptyNameAfterRole_IsAPrefixStillBoundToTheAccount()
        {
            RoleArnMatch match = Single("arn:aws:iam::560788957781:role/");
            Assert.Equal(RoleArnKind.BoundAccount, match.Kind);
        }

        [Fact]
        public void ArnInsideJsonPolicy_StopsAtTheQuote()
        {
            const string json = "{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam::*:role/*\"}";
            RoleArnMatch match = Single(json);
            Assert.Equal("arn:aws:iam::*:role/*", json.Substring(match.Start, match.Length));
            Assert.Equal(RoleArnKind.WildcardAccount, match.Kind);
        }

        [Fact]
        public void SeveralArns_InOneText_AreAllFound_InOrder()
        {
            const string text = "roles: arn:aws:iam::560788957781:role/A, arn:aws:iam::aws:policy/B, arn:aws:iam::*:role/C; arn:aws:iam::383366203896:role/D";
            List<RoleArnMatch> matches = Find(text);
            Assert.Equal(new[] { "role/A", "role/C", "role/D" }, matches.Select(m => m.Resource(text)).ToArray());
            Assert.Equal(new[] { RoleArnKind.BoundAccount, RoleArnKind.WildcardAccount, RoleArnKind.BoundAccount }, matches.Select(m => m.Kind).ToArray());
        }

        [Fact]
        public void AccountAndResourceOffsets_PointIntoTheText()
        {
            const string text = "RoleArn=arn:aws:iam::560788957781:role/Reader;";
            RoleArnMatch match = Single(text);
            Assert.Equal(8, match.Start);
            Assert.Equal("arn:aws:iam::560788957781:role/Reader", text.Substring(match.Start, match.Length));
            Assert.Equal("560788957781", text.Substring(match.AccountStart, match.AccountLength));
        }

        [Fact]
        public void QuickTest()
        {
            Assert.True(Arns.MayContainRoleArn("arn:aws:iam::560788957781:role/x"));
            Assert.True(Arns.MayContainRoleArn(":iam::"));
            Assert.False(Arns.MayContainRoleArn("arn:aws:sqs:eu-west-1:560788957781:q"));
            Assert.False(Arns.MayContainRoleArn(string.Empty));
            Assert.True(Arns.ContainsRoleArn("x arn:aws:iam::560788957781:role/x"));
            Assert.False(Arns.ContainsRoleArn("arn:aws:iam::123456789012:role/x"));
        }

        [Fact]
        public void Redaction_ShowsFourAndTwoDigits()
        {
            Assert.Equal("5607\u202681", Redaction.Account("560788957781"));
        }

        [Fact]
        public void HostileInput_IsScannedInLinearTime()
        {
            string repeated = string.Concat(Enumerable.Repeat("arn:aws-a-b-c:iam::56078895778", 20000));
            string longName = "arn:aws:iam::560788957781:role/" + new string('a', 200000);
            string prefixes = string.Concat(Enumerable.Repeat("arn:arn:arn:aws:iam::*:", 20000));
            var watch = Stopwatch.StartNew();
            Assert.Empty(Find(repeated));
            Assert.Single(Find(longName));
            Assert.Empty(Find(prefixes));
            Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
        }

        [Fact]
        public void VeryLongRoleName_StopsAtTheLimit_AndScanningGoesOn()
        {
            string text = "arn:aws:iam::560788957781:role/" + new string('a', 2000) + " arn:aws:iam::383366203896:role/B";
            List<RoleArnMatch> matches = Find(text);
            Assert.Equal(2, matches.Count);
            Assert.Equal(Arns.MaxResourceLength + "role/".Length, matches[0].Length - "arn:aws:iam::560788957781:".Length);
        }
    }
}
