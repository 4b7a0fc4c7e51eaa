using System.Reflection;
using StandardsKit.Screening;

namespace StandardsKit.Compilation.Screening;

/// <summary>The fields compiled programs read and write, found once.</summary>
internal static class Fields
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static readonly FieldInfo Cells = Field<ResidentRow>(nameof(ResidentRow.Cells));
    public static readonly FieldInfo Spill = Field<ResidentRow>(nameof(ResidentRow.Spill));
    public static readonly FieldInfo Texts = Field<ResidentRow>(nameof(ResidentRow.Texts));

    public static readonly FieldInfo Known0 = Field<RowState>(nameof(RowState.Known0));
    public static readonly FieldInfo Known1 = Field<RowState>(nameof(RowState.Known1));
    public static readonly FieldInfo StateGiven0 = Field<RowState>(nameof(RowState.Given0));
    public static readonly FieldInfo StateGiven1 = Field<RowState>(nameof(RowState.Given1));
    public static readonly FieldInfo Bools0 = Field<RowState>(nameof(RowState.Bools0));
    public static readonly FieldInfo Bools1 = Field<RowState>(nameof(RowState.Bools1));
    public static readonly FieldInfo Age = Field<RowState>(nameof(RowState.Age));
    public static readonly FieldInfo BirthGiven = Field<RowState>(nameof(RowState.BirthGiven));
    public static readonly FieldInfo ReplaceAge = Field<RowState>(nameof(RowState.ReplaceAge));

    public static readonly FieldInfo County = Field<ScreeningTables>(nameof(ScreeningTables.County));
    public static readonly FieldInfo OnDay = Field<ScreeningTables>(nameof(ScreeningTables.OnDay));
    public static readonly FieldInfo TierValueAddress = Field<ScreeningTables>(nameof(ScreeningTables.TierValueAddress));
    public static readonly FieldInfo TierStateAddress = Field<ScreeningTables>(nameof(ScreeningTables.TierStateAddress));

    public static readonly FieldInfo DecisionCode = Field<ScreenDecision>(nameof(ScreenDecision.Code));
    public static readonly FieldInfo QuantityCode = Field<ScreenQuantity>(nameof(ScreenQuantity.Code));
    public static readonly FieldInfo QuantityTier = Field<ScreenQuantity>(nameof(ScreenQuantity.StopTier));
    public static readonly FieldInfo QuantityAmount = Field<ScreenQuantity>(nameof(ScreenQuantity.Amount));

    private static FieldInfo Field<T>(string name) =>
        typeof(T).GetField(name, Instance) ?? throw new MissingFieldException(typeof(T).Name, name);
}

/// <summary>The methods compiled programs call, found once.</summary>
internal static class Methods
{
    public static readonly MethodInfo DecimalEqual = Operator("op_Equality");
    public static readonly MethodInfo DecimalNotEqual = Operator("op_Inequality");
    public static readonly MethodInfo DecimalLess = Operator("op_LessThan");
    public static readonly MethodInfo DecimalLessOrEqual = Operator("op_LessThanOrEqual");
    public static readonly MethodInfo DecimalGreater = Operator("op_GreaterThan");
    public static readonly MethodInfo DecimalGreaterOrEqual = Operator("op_GreaterThanOrEqual");
    public static readonly MethodInfo DecimalAdd = Operator("op_Addition");
    public static readonly MethodInfo DecimalSubtract = Operator("op_Subtraction");
    public static readonly MethodInfo DecimalMultiply = Operator("op_Multiply");
    public static readonly MethodInfo DecimalDivide = Operator("op_Division");
    public static readonly MethodInfo DecimalNegate = typeof(decimal).GetMethod("op_UnaryNegation", [typeof(decimal)])!;
    public static readonly MethodInfo DecimalFromLong = typeof(decimal).GetMethod("op_Implicit", [typeof(long)])!;
    public static readonly ConstructorInfo DecimalCtor = typeof(decimal).GetConstructor([typeof(int), typeof(int), typeof(int), typeof(bool), typeof(byte)])!;
    public static readonly MethodInfo StringEquals = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string)])!;
    public static readonly MethodInfo AddYears = typeof(DateCells).GetMethod(nameof(DateCells.AddYears))!;
    public static readonly MethodInfo AddMonths = typeof(DateCells).GetMethod(nameof(DateCells.AddMonths))!;
    public static readonly MethodInfo YearsBetween = typeof(DateCells).GetMethod(nameof(DateCells.YearsBetween))!;
    public static readonly MethodInfo Finish = typeof(QuantityOutcomes).GetMethod(nameof(QuantityOutcomes.Finish))!;
    public static readonly MethodInfo WriteDecision = typeof(QuantityOutcomes).GetMethod(nameof(QuantityOutcomes.WriteDecision))!;
    public static readonly MethodInfo NotApplicable = typeof(QuantityOutcomes).GetMethod(nameof(QuantityOutcomes.NotApplicable))!;

    private static MethodInfo Operator(string name) =>
        typeof(decimal).GetMethod(name, [typeof(decimal), typeof(decimal)]) ?? throw new MissingMethodException(nameof(Decimal), name);
}
