using System.Data.Common;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Ledger.Functions
{
    public class LedgerExportFunction
    {
        private readonly DbConnectionStringBuilder _shared = new DbConnectionStringBuilder();

        public Task<string> Handle(string input, ILambdaContext context)
        {
            // A password equal to the user name is a local default, in whatever order the builder is filled.
            var a = new DbConnectionStringBuilder();
            a["Password"] = "ledger_export"; // Compliant SECRETS003
            a["User ID"] = "ledger_export";

            var b = new DbConnectionStringBuilder();
            b.Add("Username", "Ledger");
            b.Add("Pwd", "ledger"); // Compliant SECRETS003

            var c = new DbConnectionStringBuilder { ["pwd"] = "audit", ["Uid"] = "audit" }; // Compliant SECRETS003

            this._shared["Server"] = "ledger-pg.internal";
            this._shared["User Id"] = "svc_ledger";
            this._shared["Password"] = "svc_ledger"; // Compliant SECRETS003

            // Different users, or the user of another builder: still passwords.
            var d = new DbConnectionStringBuilder();
            d["User ID"] = "ledger_export";
            d["Password"] = "b5fP!k%QLCH^ek"; // Noncompliant SECRETS003

            var e = new DbConnectionStringBuilder();
            var other = new DbConnectionStringBuilder();
            other["User ID"] = "reporting";
            e["Password"] = "f2V7yt8Yc6Pjm#"; // Noncompliant SECRETS003

            var f = new DbConnectionStringBuilder();
            f.Add("Server", "ledger-pg.internal");
            f.Add("Password", "bksD3SCgNHS1gb"); // Noncompliant SECRETS003

            context.Logger.LogLine($"{a.Count} {b.Count} {c.Count} {d.Count} {e.Count} {f.Count} {other.Count}");
            return Task.FromResult(input);
        }
    }
}
