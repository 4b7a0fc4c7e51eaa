using StandardsKit.Diagnostics;
using StandardsKit.Divisions;

namespace StandardsKit.Expressions;

/// <summary>
/// <c>hasAttribute(place, "name")</c> and <c>attribute(place, "name")</c>: read a division attribute
/// (<c>standards/divisions/attributes/</c>) of a division fact such as <c>residence</c> or <c>hukou</c>.
/// </summary>
/// <remarks>
/// Checked at load time against the declared attributes: the name must be declared, <c>hasAttribute</c> takes a
/// bool attribute, <c>attribute</c> an int (a number) or enum (compared with its values) attribute. A division the
/// attribute's sources do not cover is undetermined — with no missing fact, since asking the resident cannot
/// help — never false (docs/semantics.md).
/// </remarks>
internal sealed partial class Binder
{
    private (ExprType, Evaluator) BindAttribute(CallExpr c)
    {
        Arity(c, 2);
        var (t, place) = Bind(c.Arguments[0]);
        if (t.Kind != TypeKind.Division)
        {
            throw Error(DiagnosticCodes.ExpressionType, c.Arguments[0].Start, $"{c.Function}(…) takes a division-code fact first, not a {t}",
                $"e.g. {c.Function}(residence, \"{(c.Function == "hasAttribute" ? "ethnicAutonomous" : "fiscalBand")}\")");
        }

        var name = RequireStringLiteral(c.Arguments[1], "a division attribute name");
        if (_attributes.Find(name) is not { } attribute)
        {
            var declared = _attributes.Declarations.Select(a => a.Name).ToList();
            throw Error(DiagnosticCodes.UnknownDivisionAttribute, c.Arguments[1].Start, $"unknown division attribute '{name}'",
                Suggestions.DidYouMean(name, declared)
                ?? (declared.Count == 0 ? "no division attributes are loaded (standards/divisions/attributes/)" : "declared: " + string.Join(", ", declared)));
        }

        var index = _attributes.IndexOf(name);
        var attributes = _attributes;
        if (c.Function == "hasAttribute")
        {
            if (attribute.Kind != DivisionAttributeKind.Bool)
            {
                throw Error(DiagnosticCodes.ExpressionType, c.Arguments[1].Start, $"'{name}' is an {attribute.Kind.ToString().ToLowerInvariant()} attribute, not a list of divisions",
                    $"compare its value, e.g. attribute(residence, \"{name}\") {(attribute.Kind == DivisionAttributeKind.Int ? "<= 2" : $"== \"{attribute.Values.FirstOrDefault()}\"")}");
            }

            return (ExprType.Bool, frame =>
            {
                var v = place(frame);
                if (v.Kind != ValueKind.String)
                {
                    return v.IsUnknown ? v : Value.False; // none: like within(), no place has the attribute
                }

                return attributes.ValueAt(index, v.Text!).Value is bool b ? Value.Of(b) : Value.Unknown(0);
            });
        }

        if (attribute.Kind == DivisionAttributeKind.Bool)
        {
            throw Error(DiagnosticCodes.ExpressionType, c.Arguments[1].Start, $"'{name}' is a list of divisions (bool)",
                $"test membership with hasAttribute(residence, \"{name}\")");
        }

        ExprType type;
        if (attribute.Kind == DivisionAttributeKind.Int)
        {
            type = ExprType.Number;
            _bounds[c] = new Interval(attribute.Min ?? -ExpressionLimits.MaxNumber, attribute.Max ?? ExpressionLimits.MaxNumber);
        }
        else
        {
            type = new ExprType(TypeKind.Enum, attribute.Values);
        }

        return (type, frame =>
        {
            var v = place(frame);
            if (v.Kind != ValueKind.String)
            {
                return v.IsUnknown ? v : Value.NoneValue;
            }

            return attributes.ValueAt(index, v.Text!).Value switch
            {
                decimal n => Value.Of(n),
                string s => Value.Of(s),
                _ => Value.Unknown(0),
            };
        });
    }
}
