using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.CodeFixes
{
    // The invoking-account fix: an IAM role ARN whose account is read at run time from the ILambdaContext in scope.
    internal static partial class FixPlanner
    {
        /// <summary>The invoking-account fix: the value is exactly an IAM role ARN and an <c>ILambdaContext</c> parameter is in scope.</summary>
        private static bool PlanInvokingAccount(FixPlan plan, ExpressionSyntax value, SemanticModel model, AwsTypes types, CancellationToken cancellationToken)
        {
            if (types.LambdaContextType == null || !(model.GetConstantValue(value, cancellationToken).Value is string text))
            {
                return false;
            }

            string? resource = RoleResource(text);
            if (resource == null)
            {
                return false;
            }

            // The handler model knows which ILambdaContext (parameter or local) is usable here.
            var lambda = SecretsAnalyzer.Lambda.LambdaHandlerModel.Create(model.Compilation);
            if (plan.ConstDeclaration is FieldDeclarationSyntax ||
                !lambda.TryGetLambdaContextInScope(value, model, cancellationToken, out ISymbol? context) || context == null ||
                context.Name.StartsWith("_", StringComparison.Ordinal))
            {
                return false;
            }

            plan.ContextParameter = context.Name;
            plan.RoleResource = resource;
            return true;
        }

        /// <summary><c>role/path/Name</c> from <c>arn:&lt;partition&gt;:iam::&lt;account or *&gt;:role/path/Name</c>, or null.</summary>
        internal static string? RoleResource(string text)
        {
            string[] parts = text.Split(new[] { ':' }, 6);
            if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "iam" || parts[3].Length != 0)
            {
                return null;
            }

            string partition = parts[1];
            if (!partition.StartsWith("aws", StringComparison.Ordinal))
            {
                return null;
            }

            foreach (char c in partition)
            {
                if (!((c >= 'a' && c <= 'z') || c == '-'))
                {
                    return null;
                }
            }

            string account = parts[4];
            if (account != "*" && (account.Length != 12 || !account.All(c => c >= '0' && c <= '9')))
            {
                return null;
            }

            string resource = parts[5];
            if (!resource.StartsWith("role/", StringComparison.Ordinal) || resource.Length == 5)
            {
                return null;
            }

            foreach (char c in resource)
            {
                if (char.IsWhiteSpace(c) || c == '"' || c == '\\')
                {
                    return null;
                }
            }

            return resource;
        }
    }
}
