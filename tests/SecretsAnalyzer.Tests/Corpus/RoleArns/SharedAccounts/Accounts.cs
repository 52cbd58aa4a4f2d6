namespace Fleet.Telemetry.Shared
{
    /// <summary>Account ids of the fleet's environments, shared by every function of the solution.</summary>
    public static class Accounts
    {
        public const string Production = "306670857937"; // Compliant SECRETS004
        public const string Staging = "679154659663"; // Compliant SECRETS004
        public const string Partition = "aws";
        public const string RolePrefix = "arn:" + Partition + ":iam::";
    }
}
