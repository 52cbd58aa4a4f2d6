using System.Text;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>
    /// The small internal class the fixes add once per project, in the project's root namespace: it creates each
    /// AWS client once, caches each value for the process lifetime, is thread-safe and async-first, and has a
    /// synchronous accessor that is safe at Lambda cold start (it never blocks on a captured context).
    /// </summary>
    internal static class HelperClass
    {
        public const string TypeName = "SecretStore";
        public const string FileName = TypeName + ".cs";
        public const string Marker = "// Added by SecretsAnalyzer.";

        public const string GetSecretAsync = "GetSecretAsync";
        public const string GetSecret = "GetSecret";
        public const string GetParameterAsync = "GetParameterAsync";
        public const string GetParameter = "GetParameter";
        public const string RoleArnInInvokingAccount = "RoleArnInInvokingAccount";

        public const string SecretsManagerReferencePath = "/aws/reference/secretsmanager/";

        /// <summary>Whether a method of the helper is one of the lookups whose first argument is a store name.</summary>
        public static bool IsLookup(string methodName) =>
            methodName == GetSecretAsync || methodName == GetSecret || methodName == GetParameterAsync || methodName == GetParameter;

        /// <summary>The helper's source for a project with the given packages, in namespace <paramref name="rootNamespace"/> (null: global).</summary>
        public static string Generate(string? rootNamespace, AwsTypes types) =>
            Generate(rootNamespace, types.HasSecretsManager, types.HasParameterStore, types.HasArn);

        /// <summary>The helper's source for the given packages: Secrets Manager, Parameter Store, AWSSDK.Core's <c>Amazon.Arn</c>.</summary>
        public static string Generate(string? rootNamespace, bool secretsManager, bool parameterStore, bool arn) =>
            Generate(rootNamespace, secretsManager, parameterStore, arn, hosted: false);

        /// <summary>
        /// The helper as a namespace block that can be appended to an existing file (<paramref name="hosted"/>): its
        /// using directives sit inside the block, so they do not reach the rest of the file, and the nullable context
        /// is restored after it.
        /// </summary>
        public static string Generate(string? rootNamespace, bool secretsManager, bool parameterStore, bool arn, bool hosted)
        {
            bool secrets = secretsManager || parameterStore;
            bool viaSecretsManager = secretsManager;
            bool parameters = parameterStore;

            var usings = new System.Collections.Generic.SortedSet<string>(new UsingComparer())
            {
                "System",
            };
            if (secrets || parameters)
            {
                usings.Add("System.Collections.Concurrent");
                usings.Add("System.Collections.Generic");
                usings.Add("System.Threading");
                usings.Add("System.Threading.Tasks");
            }

            if (viaSecretsManager)
            {
                usings.Add("Amazon.SecretsManager");
                usings.Add("Amazon.SecretsManager.Model");
            }

            if (parameters)
            {
                usings.Add("Amazon.SimpleSystemsManagement");
                usings.Add("Amazon.SimpleSystemsManagement.Model");
            }

            if (arn)
            {
                usings.Add("Amazon");
            }

            var b = new StringBuilder();
            var body = new StringBuilder();
            if (hosted)
            {
                b.Append("#nullable enable\n");
                b.Append("namespace ").Append(rootNamespace).Append("\n{\n");
                foreach (string u in usings)
                {
                    body.Append("using ").Append(u).Append(";\n");
                }

                body.Append('\n');
                body.Append(Marker).Append(" Values moved out of the source are read here at run time; store each one under the name used at the call.\n");
            }
            else
            {
                b.Append(Marker).Append(" Values moved out of the source are read here at run time; store each one under the name used at the call.\n");
                b.Append("#nullable enable\n\n");
                foreach (string u in usings)
                {
                    b.Append("using ").Append(u).Append(";\n");
                }

                b.Append('\n');
                if (!string.IsNullOrEmpty(rootNamespace))
                {
                    b.Append("namespace ").Append(rootNamespace).Append("\n{\n");
                }
            }

            string indent = string.IsNullOrEmpty(rootNamespace) ? string.Empty : "    ";

            body.Append("/// <summary>\n");
            body.Append("/// Reads secrets and parameters from AWS once per process. Each client is created once and each value is cached\n");
            body.Append("/// for the process lifetime, so warm invocations make no call. Thread-safe. Each account holds its own value\n");
            body.Append("/// under the same name.\n");
            body.Append("/// </summary>\n");
            body.Append("internal static class ").Append(TypeName).Append('\n');
            body.Append("{\n");
            if (viaSecretsManager)
            {
                body.Append("    private static readonly Lazy<IAmazonSecretsManager> SecretsManager =\n");
                body.Append("        new Lazy<IAmazonSecretsManager>(() => new AmazonSecretsManagerClient(), LazyThreadSafetyMode.PublicationOnly);\n\n");
            }

            if (parameters)
            {
                body.Append("    private static readonly Lazy<IAmazonSimpleSystemsManagement> ParameterStore =\n");
                body.Append("        new Lazy<IAmazonSimpleSystemsManagement>(() => new AmazonSimpleSystemsManagementClient(), LazyThreadSafetyMode.PublicationOnly);\n\n");
            }

            if (secrets || parameters)
            {
                body.Append("    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Values =\n");
                body.Append("        new ConcurrentDictionary<string, Lazy<Task<string>>>(StringComparer.Ordinal);\n\n");
            }

            if (secrets)
            {
                string secretKey = viaSecretsManager ? "\"secretsmanager:\" + secretId" : "\"ssm:" + SecretsManagerReferencePath + "\" + secretId";
                body.Append("    /// <summary>\n");
                body.Append("    /// The <c>SecretString</c> of the secret <paramref name=\"secretId\"/>, read once and cached. A failed read is not\n");
                body.Append("    /// cached: the next call reads again. <paramref name=\"cancellationToken\"/> is passed to the SDK.\n");
                body.Append("    /// </summary>\n");
                body.Append("    public static Task<string> GetSecretAsync(string secretId, CancellationToken cancellationToken = default)\n");
                if (viaSecretsManager)
                {
                    body.Append("        => GetCachedAsync(").Append(secretKey).Append(", token => ReadSecretAsync(secretId, token), cancellationToken);\n\n");
                }
                else
                {
                    body.Append("        => GetParameterAsync(\"").Append(SecretsManagerReferencePath).Append("\" + secretId, cancellationToken);\n\n");
                }

                body.Append("    /// <summary>The synchronous form of <see cref=\"GetSecretAsync\"/> for initializers, properties and synchronous code.</summary>\n");
                body.Append("    public static string GetSecret(string secretId) => RunSynchronously(").Append(secretKey).Append(", () => GetSecretAsync(secretId));\n\n");
            }

            if (parameters)
            {
                body.Append("    /// <summary>\n");
                body.Append("    /// The decrypted value of the parameter <paramref name=\"name\"/> (a SecureString), read once and cached. A failed\n");
                body.Append("    /// read is not cached: the next call reads again. <paramref name=\"cancellationToken\"/> is passed to the SDK.\n");
                body.Append("    /// </summary>\n");
                body.Append("    public static Task<string> GetParameterAsync(string name, CancellationToken cancellationToken = default)\n");
                body.Append("        => GetCachedAsync(\"ssm:\" + name, token => ReadParameterAsync(name, token), cancellationToken);\n\n");
                body.Append("    /// <summary>The synchronous form of <see cref=\"GetParameterAsync\"/> for initializers, properties and synchronous code.</summary>\n");
                body.Append("    public static string GetParameter(string name) => RunSynchronously(\"ssm:\" + name, () => GetParameterAsync(name));\n\n");
            }

            if (arn)
            {
                body.Append("    /// <summary>\n");
                body.Append("    /// The ARN <c>arn:&lt;partition&gt;:iam::&lt;account&gt;:&lt;roleResource&gt;</c> in the partition and account of the\n");
                body.Append("    /// running function, read from <c>ILambdaContext.InvokedFunctionArn</c>.\n");
                body.Append("    /// </summary>\n");
                body.Append("    public static string RoleArnInInvokingAccount(string invokedFunctionArn, string roleResource)\n");
                body.Append("    {\n");
                body.Append("        if (!Arn.TryParse(invokedFunctionArn, out Arn arn) || string.IsNullOrEmpty(arn.Partition) || string.IsNullOrEmpty(arn.AccountId))\n");
                body.Append("        {\n");
                body.Append("            throw new InvalidOperationException(\"Cannot read the partition and account from the invoked function ARN '\" + invokedFunctionArn + \"'.\");\n");
                body.Append("        }\n\n");
                body.Append("        return \"arn:\" + arn.Partition + \":iam::\" + arn.AccountId + \":\" + roleResource;\n");
                body.Append("    }\n\n");
            }

            if (secrets || parameters)
            {
                body.Append("    private static Task<string> GetCachedAsync(string key, Func<CancellationToken, Task<string>> read, CancellationToken cancellationToken)\n");
                body.Append("    {\n");
                body.Append("        // Warm invocations: the value read earlier, with no further allocation.\n");
                body.Append("        if (Values.TryGetValue(key, out Lazy<Task<string>>? cached) && cached.IsValueCreated && cached.Value.Status == TaskStatus.RanToCompletion)\n");
                body.Append("        {\n");
                body.Append("            return cached.Value;\n");
                body.Append("        }\n\n");
                body.Append("        return ReadCachedAsync(key, read, cancellationToken);\n");
                body.Append("    }\n\n");
                body.Append("    private static async Task<string> ReadCachedAsync(string key, Func<CancellationToken, Task<string>> read, CancellationToken cancellationToken)\n");
                body.Append("    {\n");
                body.Append("        while (true)\n");
                body.Append("        {\n");
                body.Append("            Lazy<Task<string>> entry = Values.GetOrAdd(key, _ => new Lazy<Task<string>>(() => read(cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication));\n");
                body.Append("            try\n");
                body.Append("            {\n");
                body.Append("                return await entry.Value.ConfigureAwait(false);\n");
                body.Append("            }\n");
                body.Append("            catch (Exception e)\n");
                body.Append("            {\n");
                body.Append("                // Do not cache a failure: the next call reads again.\n");
                body.Append("                ((ICollection<KeyValuePair<string, Lazy<Task<string>>>>)Values).Remove(new KeyValuePair<string, Lazy<Task<string>>>(key, entry));\n");
                body.Append("                if (!(e is OperationCanceledException) || cancellationToken.IsCancellationRequested)\n");
                body.Append("                {\n");
                body.Append("                    throw;\n");
                body.Append("                }\n\n");
                body.Append("                // Another caller's read was cancelled, not this one: read again.\n");
                body.Append("            }\n");
                body.Append("        }\n");
                body.Append("    }\n\n");
                body.Append("    // A value already read is returned at once; else the read runs on the thread pool, so no synchronization context\n");
                body.Append("    // can deadlock it: safe in static initializers and properties at cold start.\n");
                body.Append("    private static string RunSynchronously(string key, Func<Task<string>> read)\n");
                body.Append("    {\n");
                body.Append("        if (Values.TryGetValue(key, out Lazy<Task<string>>? entry) && entry.IsValueCreated && entry.Value.Status == TaskStatus.RanToCompletion)\n");
                body.Append("        {\n");
                body.Append("            return entry.Value.Result;\n");
                body.Append("        }\n\n");
                body.Append("        return Task.Run(read).GetAwaiter().GetResult();\n");
                body.Append("    }\n");
            }

            if (viaSecretsManager)
            {
                body.Append('\n');
                body.Append("    private static async Task<string> ReadSecretAsync(string secretId, CancellationToken cancellationToken)\n");
                body.Append("    {\n");
                body.Append("        GetSecretValueResponse response;\n");
                body.Append("        try\n");
                body.Append("        {\n");
                body.Append("            response = await SecretsManager.Value.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId }, cancellationToken).ConfigureAwait(false);\n");
                body.Append("        }\n");
                body.Append("        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))\n");
                body.Append("        {\n");
                body.Append("            throw new InvalidOperationException(\"Cannot read the secret '\" + secretId + \"' from AWS Secrets Manager: \" + e.Message, e);\n");
                body.Append("        }\n\n");
                body.Append("        string? value = response?.SecretString;\n");
                body.Append("        if (value == null)\n");
                body.Append("        {\n");
                body.Append("            throw new InvalidOperationException(\"The secret '\" + secretId + \"' in AWS Secrets Manager has no SecretString.\");\n");
                body.Append("        }\n\n");
                body.Append("        return value;\n");
                body.Append("    }\n");
            }

            if (parameters)
            {
                body.Append('\n');
                body.Append("    private static async Task<string> ReadParameterAsync(string name, CancellationToken cancellationToken)\n");
                body.Append("    {\n");
                body.Append("        GetParameterResponse response;\n");
                body.Append("        try\n");
                body.Append("        {\n");
                body.Append("            response = await ParameterStore.Value.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = true }, cancellationToken).ConfigureAwait(false);\n");
                body.Append("        }\n");
                body.Append("        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))\n");
                body.Append("        {\n");
                body.Append("            throw new InvalidOperationException(\"Cannot read the parameter '\" + name + \"' from SSM Parameter Store: \" + e.Message, e);\n");
                body.Append("        }\n\n");
                body.Append("        string? value = response?.Parameter?.Value;\n");
                body.Append("        if (value == null)\n");
                body.Append("        {\n");
                body.Append("            throw new InvalidOperationException(\"The parameter '\" + name + \"' in SSM Parameter Store has no value.\");\n");
                body.Append("        }\n\n");
                body.Append("        return value;\n");
                body.Append("    }\n");
            }

            body.Append("}\n");

            foreach (string line in body.ToString().Split('\n'))
            {
                if (line.Length > 0)
                {
                    b.Append(indent).Append(line);
                }

                b.Append('\n');
            }

            // The split leaves one empty tail line.
            b.Length--;
            if (!string.IsNullOrEmpty(rootNamespace))
            {
                b.Append("}\n");
            }

            if (hosted)
            {
                b.Append("#nullable restore\n");
            }

            return b.ToString();
        }

        /// <summary>System namespaces first, then ordinal, the way <c>dotnet_sort_system_directives_first</c> sorts.</summary>
        private sealed class UsingComparer : System.Collections.Generic.IComparer<string>
        {
            public int Compare(string? x, string? y)
            {
                bool xs = x == "System" || x!.StartsWith("System.", System.StringComparison.Ordinal);
                bool ys = y == "System" || y!.StartsWith("System.", System.StringComparison.Ordinal);
                if (xs != ys)
                {
                    return xs ? -1 : 1;
                }

                return string.CompareOrdinal(x, y);
            }
        }
    }
}
