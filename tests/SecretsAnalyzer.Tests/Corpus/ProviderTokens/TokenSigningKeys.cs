using System;
using System.Security.Cryptography;
using Amazon.Lambda.Core;

namespace Auth
{
    // JWT signing for a partner API: private keys pasted into code in every form a literal allows.
    public class TokenSigningFunction
    {
        private const string SigningKey = "-----BEGIN RSA PRIVATE KEY-----\nMIITMIkrpGTPegWY9YB0ZjK6BJb+WsWpYFf3rJQXE+/H8cCRzJQ/rVco3Kp3Ywmy\n8Ary/251b3C69ows6lmieNQm+Diexzp2qfHN0aZlQbSIv0fGRrUI+ChcM2yzOdSR\nOf8q5JAsJl1Hr7iJ0XUsUzWpiXnigo6e1vG2KdGQaQ1/XHqED4yWy6bNRzKphK/h\nRzK6CjWwgFAW+gESY+btbxqSm6h/mi5vKS/Ia2WDbn1aorCylqgi8YpDR8T5Z3wx\nHdGqRWluF4j9tas5w/0GgxfrAyUjJm7rI/h1JmPRsL5RFX1tWjyUS6IQJ3jCeOMs\nndZ9jXCeZehZFCWyJGf2wJO4bOmK40sx+S/WfM6M==\n-----END RSA PRIVATE KEY-----"; // Noncompliant SECRETS006

        private const string PartnerKey = @"-----BEGIN PRIVATE KEY-----
MIIgbT583EyQMMOUVUgrFnLSnCUvYNblWY5kvTsKovaNVH00j+zyGaWJwgYEk7vI
2cadWz47YVnzk2VHezs6soZ5MCQflqGMYhf9hW4HbeFMD5CN/gLmU9VpELnjcFwN
3TPfKlNnggNZh//+2fA6e2Tj0u75OCZ4+cenHxFfZhB3UimDx7ZxBaremJODfHC5
jy68H606K1NhA50hmr6GiWJbkFr+9cvUs09R2953+n1uz/XxkTyU2zF0gT27WreC
+yH1xZRZdg+JX1qzdrWiKbnvmwQDqA8dEeX0sznYOW5PVRIERsaKlKrQPG2316S8
1tuM/EeB8F/hV+xBczzE4VYpPTL1yqEnb+sKuD2d==
-----END PRIVATE KEY-----"; // Noncompliant SECRETS006

        // Noncompliant@+2 SECRETS006
        private const string DeployKey = """
            -----BEGIN OPENSSH PRIVATE KEY-----
            MIII/lpHSbgCduvD0NI2w2xS3xUpHO4667rx/5hBlOZOkVwT2X10vhdsS9XXkWQq
            TeG6q0xCFnH4ipeV4uem8GXhvPJL1ZUgQGjX9jgxZX5Dg9BKNokwi1o1R5FDfnhn
            WVF4GfCC0ToZpALJDFiQkLgPAD8Zl8fzBScOkaFluBoglv1Vgrplpthn2f+kFjOG
            /2u0ryvQwo7xl6tNFRl3zUu67CUunPfO3dkc4jIKoUuBIOWU8xQca6/poqnKd3ua
            Fo9zr1jKToxjP+7N4otvAcdwJzQm+tVCxsqJK7pDePAQHeuAh1HzY8hm4m/Uu1L2
            XFMZOm+0bFJoqihDcuqRCYL4jhSE61uJ96QYs6/nZyksgEb3edJELrMdrU5/JmrP
            vdq9KEqmxzCllfs6pIvAjIfFHh5ZgDRrnsYAEkK6==
            -----END OPENSSH PRIVATE KEY-----
            """;

        private static readonly string LegacyKey = "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + // Noncompliant SECRETS006
            "MII4abuES4q5bfdueNxmar3BAre79Iv2+yZ0UbqtOK9Fg5bnzd6ayJNTlZ3ZASAB\n2umEVaL9xqqtWze9SCaPBsiNlNeQch5Y/Ch8SUIs3p74LeZXvRRYaF1tqKJDcHYM\nPGbrM6vCPXY+yuPpGrYrXtkNes/CA1Yi0otXsIeKCe4aJ2W3eDufygONEjZbxvqB\nyeP5qU3jc3ruOhRWILpSTMevTZE1rUEaicj7oaSKyOO/cpAQXEcacXGerQ7Z+Ae0\n0/iwRqArnKpEXUaeB2gq8wRuM6Yxu5wrAlaI5cQUjN9kk5psjBG+kd4KiV3Uoqsy\nf2VOdhdpZr1J8RAhVXRCQAbgrqoenxTzfPXYm+YL==\n" +
            "-----END ENCRYPTED PRIVATE KEY-----";

        private const string PublicKey = "-----BEGIN PUBLIC KEY-----\n+jqhYEwAXvcquvBjG1W0QounVbVOvpejigQOJRFql5flSZelINkCCpPTi13p23vv\nbaCfEb82tPABBCVP0Bs1ppda\n-----END PUBLIC KEY-----"; // Compliant SECRETS006
        private const string CertificateHeader = "-----BEGIN CERTIFICATE-----"; // Compliant SECRETS006
        private const string KeyHeader = "-----BEGIN RSA PRIVATE KEY-----"; // Compliant SECRETS006
        private const string KeyTemplate = "-----BEGIN PRIVATE KEY-----\n{0}\n-----END PRIVATE KEY-----"; // Compliant SECRETS006
        private const string ElidedKey = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB...\n-----END EC PRIVATE KEY-----"; // Compliant SECRETS006
        private const string KeySecretName = "auth/partner-signing-key"; // Compliant SECRETS006

        public string Handle(string subject, ILambdaContext context)
        {
            using RSA rsa = RSA.Create();
            rsa.ImportFromPem(SigningKey);
            bool isPrivate = PartnerKey.StartsWith(KeyHeader, StringComparison.Ordinal); // Compliant SECRETS006
            return subject + isPrivate + DeployKey.Length + LegacyKey + PublicKey + CertificateHeader + KeyTemplate + ElidedKey + KeySecretName;
        }

        /* Previous EC key (replaced 2024-01):
         * -----BEGIN RSA PRIVATE KEY-----
     * MIIg6M7K/K8sTy0o3hFnqa18rT/baAGJRj8MyKUzbaiv82w1PceoFlHRYh74vbBW
     * 6Wp5h14XJScjs5YzB+svzaQ9G92pUwAk//610fL6Pbkz2pWIHpOn01Uwo2tJml68
     * fdmmslbi70OuKW2eH5iZRnjBCCs6kZk4wWbmLgV5OMmjD+WeOvoBoYXxYx++RUdz
     * tbK6yHbBem9KUMMs08ybypKn7MLH9jBNutGt+RRi==
     * -----END RSA PRIVATE KEY----- // Noncompliant SECRETS006
         */
    }
}
