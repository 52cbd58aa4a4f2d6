using System.Globalization;
using Microsoft.CodeAnalysis;

namespace SecretsAnalyzer.Candidates
{
    /// <summary>
    /// How the runtime writes a constant of another type into a string (an interpolation hole without alignment or
    /// format): only where the text is certain whatever the culture. Integers that are not negative (the minus sign is
    /// the culture's), <c>char</c>, <c>bool</c> (<c>True</c>/<c>False</c>), and an enum member that is the only one with
    /// its value (<c>Enum.ToString</c> writes its name). Floating-point and decimal values (the decimal separator is the
    /// culture's), negative numbers, nulls and ambiguous enum values are not folded: the caller leaves a hole.
    /// </summary>
    internal static class ConstantFormatting
    {
        /// <summary>The text the runtime writes for <paramref name="value"/>, or null when it is not certain.</summary>
        public static string? Format(object? value, ISymbol? symbol)
        {
            if (symbol is IFieldSymbol field && field.ContainingType?.TypeKind == TypeKind.Enum)
            {
                return UniqueEnumMemberName(field);
            }

            switch (value)
            {
                case string s:
                    return s;
                case char c:
                    return c.ToString();
                case bool b:
                    return b ? "True" : "False";
                case byte v:
                    return v.ToString(CultureInfo.InvariantCulture);
                case ushort v:
                    return v.ToString(CultureInfo.InvariantCulture);
                case uint v:
                    return v.ToString(CultureInfo.InvariantCulture);
                case ulong v:
                    return v.ToString(CultureInfo.InvariantCulture);
                case sbyte v when v >= 0:
                    return v.ToString(CultureInfo.InvariantCulture);
                case short v when v >= 0:
                    return v.ToString(CultureInfo.InvariantCulture);
                case int v when v >= 0:
                    return v.ToString(CultureInfo.InvariantCulture);
                case long v when v >= 0:
                    return v.ToString(CultureInfo.InvariantCulture);
                default:
                    return null;
            }
        }

        /// <summary>The member's name when no other member of its enum has the same value (and the enum is not <c>[Flags]</c>).</summary>
        private static string? UniqueEnumMemberName(IFieldSymbol member)
        {
            if (!member.HasConstantValue)
            {
                return null;
            }

            INamedTypeSymbol type = member.ContainingType;
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "FlagsAttribute")
                {
                    return null;
                }
            }

            foreach (ISymbol other in type.GetMembers())
            {
                if (other is IFieldSymbol field && !SymbolEqualityComparer.Default.Equals(field, member) && field.HasConstantValue &&
                    Equals(field.ConstantValue, member.ConstantValue))
                {
                    return null;
                }
            }

            return member.Name;
        }
    }
}
