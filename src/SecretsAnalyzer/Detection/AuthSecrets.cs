using System;

namespace SecretsAnalyzer.Detection
{
    /// <summary>What a name says its value is (SECRETS005).</summary>
    public enum SecretNameKind
    {
        None = 0,

        /// <summary><c>password</c>, <c>passwd</c>, <c>pwd</c>, <c>pass</c>, <c>passphrase</c>, <c>passcode</c>.</summary>
        Password,

        /// <summary><c>secret</c> (<c>clientSecret</c>, <c>WEBHOOK_SECRET</c>).</summary>
        Secret,

        /// <summary><c>token</c> (<c>authToken</c>, <c>bot_token</c>), but not a parser's, a page's or a cancellation token.</summary>
        Token,

        /// <summary><c>api key</c> (<c>ApiKey</c>, <c>X-Api-Key</c>, <c>api_key</c>), <c>subscription key</c>.</summary>
        ApiKey,
    }

    /// <summary>
    /// The Roslyn-free part of SECRETS005: which header names carry credentials, how an <c>Authorization</c> value splits
    /// into scheme and credentials, <c>Basic</c> credentials, URIs with a password in their user info, what a name says,
    /// and whether a value named like a secret looks like one. Pure, linear in the input, no regex.
    /// </summary>
    public static partial class AuthSecrets
    {
        /// <summary>Header names whose value is a credential (compared ignoring case).</summary>
        private static readonly string[] CredentialHeaders =
        {
            "authorization", "proxy-authorization", "x-api-key", "api-key", "apikey", "ocp-apim-subscription-key", "x-functions-key",
        };

        /// <summary>
        /// Schemes of network URIs whose user info SECRETS005 reads. Database schemes are SECRETS003's (it reads
        /// <c>amqp</c> too; the rule asks SECRETS003's parser first and stays silent where it reports).
        /// </summary>
        private static readonly string[] NetworkSchemes =
        {
            "http", "https", "ftp", "ftps", "sftp", "smtp", "smtps", "imap", "imaps", "pop3", "pop3s", "ldap", "ldaps", "ws", "wss",
            "ssh", "git", "git+https", "git+ssh", "svn", "svn+ssh", "mqtt", "mqtts", "nats", "stomp", "stomps", "amqp", "amqps",
            "socks5", "socks", "socks4", "sip", "sips", "rtsp", "telnet", "nntp", "xmpp", "kafka", "webdav", "davs",
        };

        /// <summary>Stand-ins that documentation uses for tokens and keys, beside those <see cref="Placeholders"/> knows for passwords.</summary>
        private static readonly string[] TokenDocWords =
        {
            "token", "apikey", "key", "accesstoken", "authtoken", "bearertoken", "bearer", "jwt", "secretkey", "clientsecret",
            "signingkey", "apitoken", "mytoken", "myapikey", "mysecret", "thetoken", "tokenhere", "keyhere", "apikeyhere",
            "secretvalue", "tokenvalue", "xxxxxxxx", "abc123", "abcdef", "123456", "12345678", "secretsecret", "supersecret",
            "topsecret", "s3cr3t", "letmein", "qwerty", "foobar", "foo", "bar", "baz",
        };

        /// <summary>Fragments that make a token-like value documentation (<c>insert-api-key</c>, <c>my-test-token</c>).</summary>
        private static readonly string[] TokenDocFragments =
        {
            "your", "replace", "placeholder", "example", "sample", "dummy", "fake", "changeme", "redacted", "notreal", "todo",
            "fixme", "insert", "enter", "goeshere", "here", "xxxx",
        };

        /// <summary>Words after the secret word that make the name describe the value instead of holding it.</summary>
        private static readonly string[] DescriptionWordsAfter =
        {
            "prompt", "label", "text", "message", "msg", "hint", "caption", "title", "placeholder", "tooltip", "endpoint", "url",
            "uri", "path", "file", "filename", "dir", "directory", "folder", "name", "names", "id", "ids", "arn", "header",
            "headers", "param", "params", "parameter", "parameters", "field", "fields", "column", "col", "prop", "property",
            "attribute", "attr", "regex", "pattern", "format", "length", "len", "size", "count", "min", "max", "minimum",
            "maximum", "expiry", "expiration", "expires", "expire", "expired", "expiresin", "lifetime", "timeout", "ttl", "age",
            "validity", "valid", "validation", "validator", "validators", "rule", "rules", "requirement", "requirements",
            "policy", "policies", "strength", "complexity", "provider", "providers", "store", "manager", "service", "services",
            "handler", "helper", "util", "utils", "generator", "factory", "builder", "options", "option", "settings", "setting",
            "config", "configuration", "section", "type", "types", "kind", "mode", "scheme", "prefix", "suffix", "issuer",
            "audience", "claim", "claims", "scope", "scopes", "cache", "hash", "hashed", "salt", "digest", "char", "chars",
            "character", "mask", "error", "errors", "required", "reset", "change", "changed", "version", "region", "location",
            "ref", "reference", "variable", "var", "env", "source", "request", "response", "result", "status", "state", "enabled",
            "index", "position", "start", "end", "template", "lookup", "query", "route", "link", "button", "input", "box",
            "dialog", "form", "view", "page", "keys", "client", "address", "host", "server", "vault", "description", "desc",
            "doc", "docs", "help", "usage", "sample", "example", "default", "defaults", "encoding", "encoder", "decoder",
            "parser", "reader", "writer", "stream", "bytes", "separator", "delimiter", "regexp", "visible", "visibility",
            "hidden", "shown", "toggle", "icon", "image", "color", "style", "css", "class", "selector", "xpath", "element",
            "node", "tag", "event", "callback", "action", "command", "cmd", "exception",
            "head", "tail", "part", "parts", "piece", "pieces", "half", "chunk", "fragment", "alphabet", "charset", "characters",
            "symbols", "special", "specials", "allowed", "pool", "set", "list", "files",
        };

        /// <summary>
        /// Words after a password or token word that name a key of configuration (<c>PasswordKey = "db-password"</c>),
        /// where after <c>secret</c> or <c>api</c> the same word is the secret itself (<c>SecretKey</c>, <c>ApiKey</c>).
        /// </summary>
        private const string KeyWord = "key";

        /// <summary>Words before the secret word that make the name describe or test the value (<c>IsPasswordValid</c>, <c>HashedPassword</c>).</summary>
        private static readonly string[] DescriptionWordsBefore =
        {
            "is", "has", "use", "uses", "enable", "enabled", "require", "requires", "required", "show", "hide", "validate",
            "check", "verify", "min", "max", "num", "count", "allow", "allows", "should", "can", "must", "hashed", "hash",
            "encrypted", "masked", "salted", "mask", "get", "set", "read", "load", "fetch", "resolve", "generate", "create",
            "no", "without", "forgot", "forgotten", "lost", "on", "handle", "parse", "invalid", "wrong",
            "bad", "empty", "missing", "null", "doc", "docs", "example", "sample", "dummy", "fake", "mock",
        };

        /// <summary>Tokens that are no credential: a lexer's, a page's, a cancellation or anti-forgery token.</summary>
        private static readonly string[] NonCredentialTokenQualifiers =
        {
            "cancellation", "cancel", "continuation", "next", "page", "paging", "pagination", "sync", "resume", "resumption",
            "change", "idempotency", "request", "correlation", "start", "end", "open", "close", "lexer", "syntax", "parser",
            "csrf", "xsrf", "antiforgery", "forgery", "delimiter", "separator", "split", "format", "replacement", "template",
            "search", "cursor", "marker", "last", "first", "current", "previous", "prev", "word", "sentence", "text", "string",
            "json", "xml", "sql", "stop", "special", "unknown", "eof", "bos", "eos", "pad", "mask", "unk", "sep", "cls",
        };

        /// <summary>Whether <paramref name="name"/> is a header that carries a credential (ignoring case).</summary>
        public static bool IsCredentialHeader(string? name)
        {
            if (name == null)
            {
                return false;
            }

            string trimmed = name.Trim();
            foreach (string header in CredentialHeaders)
            {
                if (string.Equals(trimmed, header, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the header is <c>Authorization</c> or <c>Proxy-Authorization</c>, whose value starts with a scheme.</summary>
        public static bool IsAuthorizationHeader(string name)
        {
            string trimmed = name.Trim();
            return string.Equals(trimmed, "authorization", StringComparison.OrdinalIgnoreCase) ||
                   string.Equals(trimmed, "proxy-authorization", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Splits an <c>Authorization</c> value into its scheme and credentials (<c>Bearer eyJ…</c>). A value without a
        /// space is all credentials (some APIs take the bare token). False when there are no credentials.
        /// </summary>
        public static bool SplitAuthorization(string text, out string? scheme, out int credentialsStart, out int credentialsLength)
        {
            int i = 0;
            int n = text.Length;
            while (i < n && text[i] == ' ')
            {
                i++;
            }

            int schemeStart = i;
            while (i < n && IsSchemeNameChar(text[i]))
            {
                i++;
            }

            scheme = null;
            if (i > schemeStart && i < n && text[i] == ' ')
            {
                scheme = text.Substring(schemeStart, i - schemeStart);
                while (i < n && text[i] == ' ')
                {
                    i++;
                }
            }
            else
            {
                i = schemeStart;
            }

            int end = n;
            while (end > i && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            credentialsStart = i;
            credentialsLength = end - i;
            return credentialsLength > 0;
        }

        private static bool IsSchemeNameChar(char c) => Chars.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.';

        /// <summary>
        /// Whether <c>text[start..start+length)</c>, credentials of a <c>Basic</c> scheme, hold a real password: base64 of
        /// <c>user:password</c> whose password is no placeholder and not the user name. Credentials that are no base64 of
        /// <c>user:password</c> are judged as a token.
        /// </summary>
        public static bool IsRealBasicCredentials(string text, int start, int length)
        {
            string? decoded = DecodeBase64(text, start, length);
            if (decoded == null)
            {
                return !IsPlaceholderSecret(text, start, length, null);
            }

            int colon = decoded.IndexOf(':');
            if (colon < 0)
            {
                return !IsPlaceholderSecret(decoded, 0, decoded.Length, null);
            }

            string user = decoded.Substring(0, colon);
            return !IsPlaceholderSecret(decoded, colon + 1, decoded.Length - colon - 1, user);
        }

        /// <summary>UTF-8 text of a base64 slice, or null when it is no base64 of printable text.</summary>
        public static string? DecodeBase64(string text, int start, int length)
        {
            if (length < 4 || length % 4 != 0 || length > 4096)
            {
                return null;
            }

            for (int i = start; i < start + length; i++)
            {
                if (!Chars.IsBase64Char(text[i]))
                {
                    return null;
                }
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(text.Substring(start, length));
            }
            catch (FormatException)
            {
                return null;
            }

            foreach (byte b in bytes)
            {
                if (b < 0x20 && b != '\t')
                {
                    return null;
                }
            }

            try
            {
                return new System.Text.UTF8Encoding(false, true).GetString(bytes);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        /// <summary>
        /// Whether a password, token or key given to an authentication API is no real one: <see cref="Placeholders"/>
        /// (empty, templates, masks, documentation words, the user name) and the stand-ins documentation uses for tokens
        /// (<c>YOUR_API_KEY</c>, <c>&lt;token&gt;</c>, <c>insert-token-here</c>).
        /// </summary>
        public static bool IsPlaceholderSecret(string text, int start, int length, string? userName)
        {
            if (Placeholders.IsPlaceholder(text, start, length, userName))
            {
                return true;
            }

            if (length >= 7 && text.IndexOf("example", start, length, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // AWS's and every vendor's documentation values (wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY): no real one says so.
                return true;
            }

            if (length > Placeholders.MaxDocumentationWordLength || !IsWordLike(text, start, length))
            {
                return false;
            }

            foreach (string word in TokenDocWords)
            {
                if (NameHints.EqualsNormalized(text, start, length, word))
                {
                    return true;
                }
            }

            foreach (string fragment in TokenDocFragments)
            {
                if (NameHints.ContainsNormalized(text, start, length, fragment))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Only letters, digits and the separators documentation uses between words.</summary>
        private static bool IsWordLike(string text, int start, int length)
        {
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (!(Chars.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == ' ' || c == '.' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// For a value that only a name marks as a secret (<c>var apiToken = "…"</c>): whether it looks like a password,
        /// token or key rather than a name, a path, a URL, a sentence or a word. No whitespace; not an identifier, an
        /// environment variable's name, a path or a dotted name; at least two kinds of characters (letters, digits,
        /// symbols, or both cases), or long and random.
        /// </summary>
        public static bool LooksLikeSecretValue(string text, int start, int length)
        {
            while (length > 0 && char.IsWhiteSpace(text[start]))
            {
                start++;
                length--;
            }

            while (length > 0 && char.IsWhiteSpace(text[start + length - 1]))
            {
                length--;
            }

            if (length < 6 || length > 1024)
            {
                return false;
            }

            int end = start + length;
            if (text.IndexOf("://", start, length, StringComparison.Ordinal) >= 0 ||
                string.Compare(text, start, "arn:", 0, 4, StringComparison.Ordinal) == 0)
            {
                return false;
            }

            char first = text[start];
            if (first == '/' || first == '~' || first == '.' || first == '\\' || first == '@' || first == '#' || first == '$' || first == '%')
            {
                // A path, a mention, a template or a reference to something else.
                return false;
            }

            int lower = 0, upper = 0, digits = 0, separators = 0, symbols = 0;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c) || c == Chars.Hole || c == '\\')
                {
                    return false;
                }

                if (Chars.IsLower(c))
                {
                    lower++;
                }
                else if (Chars.IsUpper(c))
                {
                    upper++;
                }
                else if (Chars.IsAsciiDigit(c))
                {
                    digits++;
                }
                else if (c == '-' || c == '_' || c == '.' || c == '/' || c == ':')
                {
                    separators++;
                }
                else
                {
                    symbols++;
                }
            }

            if (symbols == 0 && digits == 0)
            {
                // Letters and separators: a name (db-password, DB_PASSWORD, Secrets.Api.Key, prod/orders/api),
                // unless it is long and random.
                return separators == 0 && length >= 16 && lower > 0 && upper > 0 && Entropy.Shannon(text, start, length) >= 3.8;
            }

            if (symbols == 0 && lower == 0 && upper == 0)
            {
                // Digits (and separators): a number, a date, a port, a version.
                return false;
            }

            if (symbols == 0 && upper == 0 && separators > 0 && digits <= 2 && IsLowerWords(text, start, end))
            {
                // orders-api-v2, prod/db1: a name with a number in it.
                return false;
            }

            if (symbols == 0 && lower == 0 && separators > 0 && digits <= 2)
            {
                // API_KEY_V2: a constant's or variable's name.
                return false;
            }

            int kinds = (lower > 0 ? 1 : 0) + (upper > 0 ? 1 : 0) + (digits > 0 ? 1 : 0) + (symbols > 0 ? 1 : 0);
            return kinds >= 2;
        }

        private static bool IsLowerWords(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (!(Chars.IsLower(c) || Chars.IsAsciiDigit(c) || c == '-' || c == '_' || c == '.' || c == '/' || c == ':'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// What the name says its value is, by its words (<c>dbPassword</c>, <c>STRIPE_API_KEY</c>, <c>X-Api-Key</c>):
        /// a secret word not followed by a word that describes the value (<c>PasswordPrompt</c>, <c>TokenEndpoint</c>,
        /// <c>SecretName</c>, <c>PasswordPolicy</c>, <c>TokenType</c>, <c>ApiKeyHeader</c>) and not preceded by one that
        /// tests or derives it (<c>IsPasswordValid</c>, <c>HashedPassword</c>), and no token of a parser, a page or a
        /// cancellation.
        /// </summary>
        public static SecretNameKind ClassifyName(string? name)
        {
            if (name == null || name.Length == 0 || name.Length > 128)
            {
                return SecretNameKind.None;
            }

            string[] words = SplitWords(name);
            SecretNameKind kind = SecretNameKind.None;
            int at = -1;
            int width = 1;
            for (int i = 0; i < words.Length; i++)
            {
                SecretNameKind here = WordKind(words, i, out int w);
                if (here != SecretNameKind.None)
                {
                    kind = here;
                    at = i;
                    width = w;
                }
            }

            if (kind == SecretNameKind.None)
            {
                return kind;
            }

            for (int i = at + width; i < words.Length; i++)
            {
                string word = words[i];
                if (word == KeyWord)
                {
                    if (kind == SecretNameKind.Password || kind == SecretNameKind.Token)
                    {
                        return SecretNameKind.None;
                    }

                    continue;
                }

                if (Array.IndexOf(DescriptionWordsAfter, word) >= 0 || IsDigits(word) && i + 1 < words.Length)
                {
                    return SecretNameKind.None;
                }
            }

            for (int i = 0; i < at; i++)
            {
                if (Array.IndexOf(DescriptionWordsBefore, words[i]) >= 0)
                {
                    return SecretNameKind.None;
                }
            }

            if (kind == SecretNameKind.Token)
            {
                for (int i = 0; i < at; i++)
                {
                    if (Array.IndexOf(NonCredentialTokenQualifiers, words[i]) >= 0)
                    {
                        return SecretNameKind.None;
                    }
                }
            }

            return kind;
        }

        private static bool IsDigits(string word)
        {
            foreach (char c in word)
            {
                if (!Chars.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return word.Length > 0;
        }

        private static SecretNameKind WordKind(string[] words, int i, out int width)
        {
            width = 1;
            string word = words[i];
            switch (word)
            {
                case "pass":
                    // userPass, DB_PASS, Pass_Phrase; not passThrough, PassCount.
                    if (i + 1 < words.Length && (words[i + 1] == "phrase" || words[i + 1] == "word" || words[i + 1] == "code"))
                    {
                        width = 2;
                        return SecretNameKind.Password;
                    }

                    return i + 1 == words.Length ? SecretNameKind.Password : SecretNameKind.None;
                case "password":
                case "passwd":
                case "pwd":
                case "passphrase":
                case "passcode":
                case "pword":
                    return SecretNameKind.Password;
                case "secret":
                    return SecretNameKind.Secret;
                case "token":
                    return SecretNameKind.Token;
                case "apikey":
                    return SecretNameKind.ApiKey;
                case "api":
                case "subscription":
                    if (i + 1 < words.Length && words[i + 1] == KeyWord)
                    {
                        width = 2;
                        return SecretNameKind.ApiKey;
                    }

                    return SecretNameKind.None;
            }

            // One lower-case word that ends with a secret word: dbpassword, authtoken, clientsecret.
            if (word.Length > 6 && (word.EndsWith("password", StringComparison.Ordinal) || word.EndsWith("passwd", StringComparison.Ordinal)))
            {
                return SecretNameKind.Password;
            }

            if (word.Length > 6 && word.EndsWith("secret", StringComparison.Ordinal))
            {
                return SecretNameKind.Secret;
            }

            if (word.Length > 6 && word.EndsWith("apikey", StringComparison.Ordinal))
            {
                return SecretNameKind.ApiKey;
            }

            if (word.Length > 5 && word.EndsWith("token", StringComparison.Ordinal) && (word.StartsWith("auth", StringComparison.Ordinal) ||
                word.StartsWith("access", StringComparison.Ordinal) || word.StartsWith("api", StringComparison.Ordinal) || word.StartsWith("bot", StringComparison.Ordinal) ||
                word.StartsWith("bearer", StringComparison.Ordinal) || word.StartsWith("refresh", StringComparison.Ordinal)))
            {
                return SecretNameKind.Token;
            }

            return SecretNameKind.None;
        }

        /// <summary>
        /// The words of an identifier or key, lower-cased: split at separators, at a lower-to-upper change, before the last
        /// capital of a run followed by a lower-case letter (<c>HTTPServer</c>), and between letters and digits.
        /// </summary>
        public static string[] SplitWords(string name)
        {
            var words = new System.Collections.Generic.List<string>(4);
            var current = new System.Text.StringBuilder(name.Length);
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!Chars.IsAsciiLetterOrDigit(c))
                {
                    Flush(words, current);
                    continue;
                }

                if (current.Length > 0)
                {
                    char previous = name[i - 1];
                    bool boundary =
                        (Chars.IsUpper(c) && Chars.IsLower(previous)) ||
                        (Chars.IsUpper(c) && Chars.IsUpper(previous) && i + 1 < name.Length && Chars.IsLower(name[i + 1])) ||
                        (Chars.IsAsciiDigit(c) != Chars.IsAsciiDigit(previous) && Chars.IsAsciiLetterOrDigit(previous));
                    if (boundary)
                    {
                        Flush(words, current);
                    }
                }

                current.Append((char)(c | 0x20));
            }

            Flush(words, current);
            return words.ToArray();
        }

        private static void Flush(System.Collections.Generic.List<string> words, System.Text.StringBuilder current)
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
