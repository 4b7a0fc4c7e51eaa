using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using StandardsKit.Diagnostics;
using StandardsKit.Expressions;
using StandardsKit.Model;

namespace StandardsKit.Engine;

/// <summary>Checks a resident's facts against the vocabulary and lays them out as slots for compiled expressions.</summary>
internal static class FrameBuilder
{
    public static EvalFrame Build(Resident resident, FrameLayout layout, string county, DateOnly on)
    {
        // Start from the vocabulary's "nothing known" slots and visit only the facts the resident gives:
        // residents state a handful of facts, the vocabulary declares dozens.
        var facts = layout.Facts;
        var slots = (Value[])layout.AbsentSlots.Clone();
        UInt128 given = 0;
        foreach (var slot in layout.CountyDefaultSlots)
        {
            slots[slot] = Value.Of(county);
        }

        foreach (var (name, raw) in resident.Entries)
        {
            if (!facts.TryGet(name, out var declaration, out var slot))
            {
                var hint = Suggestions.DidYouMean(name, facts.Names);
                throw new ResidentException($"unknown fact '{name}'" + (hint is null ? "; the facts are declared in standards/facts.yaml" : $" — {hint}")) { Fact = name };
            }

            if (declaration.Derived is null)
            {
                slots[slot] = Convert(declaration, raw);
                given |= UInt128.One << slot;
            }
        }

        // Derived facts last, once their inputs are in place.
        foreach (var i in layout.AgeSlots)
        {
            var declaration = facts.Facts[i];
            var birthSlot = layout.BirthDateSlot;
            var birth = birthSlot >= 0 ? slots[birthSlot] : Value.Unknown(0);
            if (birth.Kind == ValueKind.Date)
            {
                if (birth.Date > on)
                {
                    throw new ResidentException($"birthDate {birth} is after the evaluation date {ExpressionLimits.Iso(on)}") { Fact = "birthDate" };
                }

                slots[i] = Value.Of(CompletedYears.Between(birth.Date, on));
                given |= UInt128.One << i;
            }
            else if (resident.Facts.TryGetValue(declaration.Name, out var stated))
            {
                // Without a birth date, an age the caller states is the best information there is.
                slots[i] = Convert(declaration, stated);
                given |= UInt128.One << i;
            }
            else
            {
                slots[i] = birth.IsUnknown ? birth : Value.Unknown(UInt128.One << i);
            }
        }

        return new EvalFrame(slots, on, given);
    }

    private static Value Convert(FactDeclaration d, object raw)
    {
        switch (d.Kind)
        {
            case FactKind.Bool when raw is bool b:
                return Value.Of(b);
            case FactKind.Int or FactKind.Decimal when raw is decimal n:
                if (d.Kind == FactKind.Int && n != decimal.Truncate(n))
                {
                    throw Wrong(d, raw, "a whole number");
                }

                if ((d.Min is { } min && n < min) || (d.Max is { } max && n > max))
                {
                    throw new ResidentException($"fact '{d.Name}' is {Show(n)}, outside {Show(d.Min)}–{Show(d.Max)}") { Fact = d.Name };
                }

                // Without a declared bound the supported range bounds it, so arithmetic is checked for overflow at load time.
                if ((d.Min is null && n < -ExpressionLimits.MaxNumber) || (d.Max is null && n > ExpressionLimits.MaxNumber))
                {
                    throw new ResidentException($"fact '{d.Name}' is {Show(n)}, outside the supported range {ExpressionLimits.NumberRangeText}") { Fact = d.Name };
                }

                return Value.Of(n);
            case FactKind.Date when raw is DateOnly day:
                return InRange(d, day);
            case FactKind.Date when raw is string s:
                return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? InRange(d, date)
                    : throw Wrong(d, raw, "a date \"YYYY-MM-DD\"");
            case FactKind.String when raw is string s:
                return Value.Of(s);
            case FactKind.Division when raw is string s:
                return s.Length == 6 && s.All(char.IsAsciiDigit) ? Value.Of(s) : throw Wrong(d, raw, "a 6-digit division code such as \"310104\"");
            case FactKind.Enum when raw is string s:
                return d.Values.Contains(s, StringComparer.Ordinal)
                    ? Value.Of(s)
                    : throw Wrong(d, raw, "one of " + string.Join(", ", d.Values) + Hint(s, d.Values));
            case FactKind.Set when raw is ImmutableArray<string> list:
                foreach (var s in list)
                {
                    if (!d.Values.Contains(s, StringComparer.Ordinal))
                    {
                        throw new ResidentException($"fact '{d.Name}' contains '{s}', which is not one of {string.Join(", ", d.Values)}{Hint(s, d.Values)}") { Fact = d.Name };
                    }
                }

                return Value.Of(list.ToFrozenSet(StringComparer.Ordinal));
            case FactKind.Set when raw is string single:
                throw Wrong(d, single, $"a list such as [\"{single}\"]");
            default:
                throw Wrong(d, raw, d.Kind switch
                {
                    FactKind.Bool => "true or false",
                    FactKind.Int => "a whole number",
                    FactKind.Decimal => "a number",
                    FactKind.Set => "a list of strings",
                    _ => "a string",
                });
        }
    }

    private static Value InRange(FactDeclaration d, DateOnly date) => ExpressionLimits.IsSupported(date)
        ? Value.Of(date)
        : throw new ResidentException($"fact '{d.Name}' is {ExpressionLimits.Iso(date)}, outside the supported range {ExpressionLimits.DateRangeText}") { Fact = d.Name };

    private static string Show(decimal? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Hint(string value, IEnumerable<string> options) =>
        Suggestions.DidYouMean(value, options) is { } h ? $" ({h})" : "";

    private static ResidentException Wrong(FactDeclaration d, object raw, string expected)
    {
        var shown = raw switch
        {
            bool b => b ? "true" : "false",
            string s => $"\"{s}\"",
            decimal n => n.ToString(CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => "a list",
        };
        return new ResidentException($"fact '{d.Name}' is {shown}; expected {expected}") { Fact = d.Name };
    }
}
