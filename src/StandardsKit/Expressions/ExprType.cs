using System.Collections.Immutable;

namespace StandardsKit.Expressions;

internal enum TypeKind
{
    Bool,
    Number,
    String,
    Date,
    Enum,
    Set,
    Division,
    List,
}

/// <summary>Static type of an expression; enum and set types carry their allowed values for literal checks.</summary>
internal sealed record ExprType(TypeKind Kind, ImmutableArray<string> Values = default, ExprType? Element = null)
{
    public static readonly ExprType Bool = new(TypeKind.Bool);
    public static readonly ExprType Number = new(TypeKind.Number);
    public static readonly ExprType String = new(TypeKind.String);
    public static readonly ExprType Date = new(TypeKind.Date);
    public static readonly ExprType Division = new(TypeKind.Division);

    public override string ToString() => Kind switch
    {
        TypeKind.Bool => "bool",
        TypeKind.Number => "number",
        TypeKind.String => "string",
        TypeKind.Date => "date",
        TypeKind.Enum => "enum",
        TypeKind.Set => "set",
        TypeKind.Division => "division code",
        _ => $"list of {Element}",
    };
}
