namespace Shipping.Shared
{
    /// <summary>Pieces kept apart "so scanners don't see them".</summary>
    public static class KeyParts
    {
        public const string Prefix = "AKIA";
        public const string Body = "EWSFWZ2BCG4OWF7V";
        public const string SecretHead = "1z5vC30z2MJC08sNM8Ym";
        public const string SecretTail = "VrHtRiYu127KtPAJbcZ1";
        public const string Bland = "r3tLbgfNpahebtw5VDidyG+cqyoveWCzAFQDaoGO";
        public const string RegionName = "eu-north-1";
        public const string BuildSha = "77855b4cd039916cc06db0c66054697873a1b80a"; // Compliant SECRETS002
        public const string RoleId = "AROA2DU2SKS2H3DY27BU"; // Compliant SECRETS001
    }
}
