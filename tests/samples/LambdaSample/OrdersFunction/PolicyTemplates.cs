namespace OrdersFunction
{
    /// <summary>Inline policies the orders stack attaches to the roles it provisions.</summary>
    public static class PolicyTemplates
    {
        // Lets the caller pass ANY role of ANY account: privilege escalation through iam:PassRole.
        public const string PassRole = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "Allow",
                "Action": "iam:PassRole",
                "Resource": "arn:aws:iam::*:role/*"
              }]
            }
            """;

        // Fine: an AWS-managed policy is the same in every account.
        public const string BasicExecution = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    }
}
