using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using StandardsKit.Compilation.Screening;
using StandardsKit.Screening;

namespace StandardsKit.Engine;

/// <summary>
/// The items in force for one county on one date, resolved once, ready to evaluate many residents: the batch
/// path (screening a population, a case-worker queue). Obtain it from <see cref="Catalog.Prepare"/>.
/// </summary>
/// <remarks>
/// <para>
/// Immutable and thread-safe; evaluating and screening do no I/O and touch no shared mutable state beyond
/// caches of immutable results. Keep one per county and date for as long as you screen there.
/// </para>
/// <para>
/// Two paths give the same answers. <see cref="Evaluate"/> returns <see cref="Decision"/> records (with
/// explanations when prepared with them). <see cref="Screen"/> writes plain structs into buffers you own and
/// allocates nothing per resident or decision. Both run the items compiled to IL: the first call to
/// <see cref="Screen"/> (or the first evaluations after a few interpreted ones) compiles them, which takes
/// milliseconds; the compiled program is shared by every county and date with the same items.
/// </para>
/// <para>
/// Items that read division attributes (<c>hasAttribute</c>, <c>attribute</c>) are not compiled: where any item
/// prepared reads one, <see cref="Evaluate"/> interprets every evaluation and <see cref="Screen"/> interprets each
/// row (into your buffers, with the same answers, but allocating per row), as where the runtime cannot generate code.
/// </para>
/// </remarks>
public sealed class PreparedEvaluation
{
    /// <summary>Evaluations interpreted before the items are compiled: a one-off evaluation never pays for compiling.</summary>
    private const int InterpretedEvaluations = 4;

    private readonly FrameLayout _layout;
    private readonly EffectiveItem[] _items;
    private readonly bool _explain;
    private readonly Lazy<ScreeningProgram> _program;
    private readonly Lazy<Screener> _screener;
    private readonly Lazy<DecisionMaterializer> _materializer;
    private readonly int[] _firstQuantity;
    private readonly RowSlot? _hukou;
    private readonly RowSlot? _residence;
    private int _evaluations;

    internal PreparedEvaluation(FrameLayout layout, ResidentRowLayout rows, string county, DateOnly on, ImmutableArray<ChainLink> chain,
        EffectiveItem[] items, bool explain, Lazy<ScreeningProgram>? program = null)
    {
        _layout = layout;
        Rows = rows;
        County = county;
        On = on;
        Chain = chain;
        _items = items;
        Items = Array.AsReadOnly(items);
        _explain = explain;
        _firstQuantity = new int[items.Length];
        var quantities = ImmutableArray.CreateBuilder<ScreenedQuantity>();
        for (var j = 0; j < items.Length; j++)
        {
            _firstQuantity[j] = quantities.Count;
            foreach (var q in items[j].Quantities)
            {
                quantities.Add(new ScreenedQuantity(j, q.Quantity.Name, q.Quantity.Unit, q.Quantity.AtLeast, q.Layer.Document.Jurisdiction));
            }
        }

        Quantities = quantities.ToImmutable();
        _hukou = rows.TryGetFact("hukou", out var hukou) ? hukou.Info : null;
        _residence = rows.TryGetFact("residence", out var residence) ? residence.Info : null;
        _program = program ?? new Lazy<ScreeningProgram>(() => ChainCompiler.Compile(items, rows));
        _screener = new Lazy<Screener>(() => new Screener(_program.Value, Tables(_program.Value), layout, county));
        _materializer = new Lazy<DecisionMaterializer>(() =>
            new DecisionMaterializer(items, rows, _screener.Value.Tables, _program.Value, _firstQuantity, explain));
    }

    /// <summary>The county evaluated.</summary>
    public string County { get; }

    /// <summary>The evaluation date.</summary>
    public DateOnly On { get; }

    /// <summary>The standards in force, national first.</summary>
    public ImmutableArray<ChainLink> Chain { get; }

    /// <summary>The items this preparation decides, in decision order: screening writes item j's decision at index j of each resident's block.</summary>
    public IReadOnlyList<EffectiveItem> Items { get; }

    /// <summary>
    /// The quantities of every item, item by item in the order of each item's level: screening writes quantity k
    /// at index k of each resident's block of <see cref="ScreenQuantity"/>.
    /// </summary>
    public ImmutableArray<ScreenedQuantity> Quantities { get; }

    /// <summary>How residents are laid out as <see cref="ResidentRow"/>s for <see cref="Screen"/>.</summary>
    public ResidentRowLayout Rows { get; }

    /// <summary>Decides every prepared item for one resident.</summary>
    /// <exception cref="ResidentException">A fact is unknown, has a value of the wrong type, or is outside its supported range.</exception>
    public Evaluation Evaluate(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);

        // A benign race: concurrent callers may interpret a few more evaluations before switching.
        if (_evaluations < InterpretedEvaluations)
        {
            _evaluations++;
            return Interpret(resident);
        }

        // Without generated code (attribute reads, or a runtime that cannot emit) the interpreter is the faster path.
        return _program.Value.IsCompiled ? EvaluateCompiled(resident) : Interpret(resident);
    }

    /// <summary>
    /// Screens residents: writes each resident's decision for every item and each of its quantities into your
    /// buffers, allocating nothing (unless an item reads division attributes: see the class remarks). Resident <c>r</c>'s decision for item <c>j</c> is at
    /// <c>decisions[r * Items.Count + j]</c>, its quantity <c>k</c> at <c>quantities[r * Quantities.Length + k]</c>.
    /// </summary>
    /// <remarks>
    /// The answers are those of <see cref="Evaluate"/>: eligibility in Kleene logic over missing facts, "none"
    /// facts, the county as the default residence, completed years with the 29 February rule, and undetermined
    /// amounts with their missing facts (names via <see cref="ResidentRowLayout.NamesOf"/>, values via
    /// <see cref="PossibleValues"/>). Screening from several threads at once is safe as long as each writes its
    /// own buffers. Residents before one that throws have been written.
    /// </remarks>
    /// <param name="residents">The rows to screen (filled through <see cref="Rows"/>).</param>
    /// <param name="decisions">At least <c>residents.Length × Items.Count</c> slots.</param>
    /// <param name="quantities">At least <c>residents.Length × Quantities.Length</c> slots.</param>
    /// <exception cref="ArgumentException">A buffer is too small, or a row was filled with another fact vocabulary.</exception>
    /// <exception cref="ResidentException">A resident's birth date is after the evaluation date (the message names the resident's index).</exception>
    public void Screen(ReadOnlySpan<ResidentRow> residents, Span<ScreenDecision> decisions, Span<ScreenQuantity> quantities)
    {
        var needDecisions = (long)residents.Length * _items.Length;
        var needQuantities = (long)residents.Length * Quantities.Length;
        if (decisions.Length < needDecisions)
        {
            throw new ArgumentException($"{residents.Length} residents × {_items.Length} items need {needDecisions.ToString(CultureInfo.InvariantCulture)} decisions, not {decisions.Length.ToString(CultureInfo.InvariantCulture)}", nameof(decisions));
        }

        if (quantities.Length < needQuantities)
        {
            throw new ArgumentException($"{residents.Length} residents × {Quantities.Length} quantities need {needQuantities.ToString(CultureInfo.InvariantCulture)} quantity slots, not {quantities.Length.ToString(CultureInfo.InvariantCulture)}", nameof(quantities));
        }

        _screener.Value.Run(residents, decisions, quantities, _items.Length, Quantities.Length);
    }

    /// <summary>The amounts an undetermined quantity may take once its missing facts are known (sorted, distinct); empty otherwise.</summary>
    /// <param name="quantity">The quantity's index in <see cref="Quantities"/>.</param>
    /// <param name="result">What screening wrote for it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is not an index of <see cref="Quantities"/>.</exception>
    public ImmutableArray<decimal> PossibleValues(int quantity, in ScreenQuantity result)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(quantity, Quantities.Length);
        return result.State == QuantityState.Undetermined
            ? QuantityOutcomes.PossibleValues(_screener.Value.Tables, quantity, result.PossibleTiers)
            : [];
    }

    /// <summary>The reference: every item interpreted over the resident's facts, as the semantics document defines.</summary>
    internal Evaluation Interpret(Resident resident)
    {
        var frame = FrameBuilder.Build(resident, _layout, County, On);
        var decisions = new Decision[_items.Length];
        for (var i = 0; i < _items.Length; i++)
        {
            decisions[i] = DecisionMaker.Decide(_items[i], frame, _layout, _explain);
        }

        return new Evaluation(County, On, Chain, ImmutableArray.Create(decisions)) { Warnings = Residence.Warnings(resident, County) };
    }

    /// <summary>
    /// <see cref="Evaluate"/> for a resident already filled into a row of <see cref="Rows"/> (the <c>screen</c>
    /// command's readers fill rows straight from their input, without a <see cref="Resident"/> per row): the same
    /// decisions, in the same order, with the same warnings.
    /// </summary>
    /// <remarks>
    /// As <see cref="Evaluate"/>, the first few evaluations of a preparation are interpreted, over the row's facts
    /// as a <see cref="Resident"/> (<see cref="ResidentRowLayout.ToResident"/>); the rest run the compiled program
    /// on the row itself. Internal: the public batch path is <see cref="Screen"/>.
    /// </remarks>
    /// <exception cref="ResidentException">The birth date is after the evaluation date.</exception>
    internal Evaluation EvaluateRow(ref ResidentRow row)
    {
        if (_evaluations < InterpretedEvaluations || !_program.Value.IsCompiled)
        {
            _evaluations = Math.Min(_evaluations + 1, InterpretedEvaluations);
            return Interpret(Rows.ToResident(row));
        }

        return EvaluateCompiledRow(ref row, Warnings(row));
    }

    /// <summary>Every item through the compiled program, materialised as decision records.</summary>
    internal Evaluation EvaluateCompiled(Resident resident)
    {
        var row = default(ResidentRow);
        Rows.Fill(resident, ref row);
        return EvaluateCompiledRow(ref row, Warnings(row));
    }

    /// <summary>
    /// The residence warnings for a filled row, as <see cref="Residence.Warnings(Resident, string)"/> gives them for the
    /// resident: only a stated hukou and a stated residence can warn, so the codes are written out only then.
    /// </summary>
    private ImmutableArray<EvaluationWarning> Warnings(in ResidentRow row) =>
        Stated(row, _hukou) && Stated(row, _residence)
            ? Residence.Warnings(Division(row, _hukou), Division(row, _residence), County)
            : [];

    private static bool Stated(in ResidentRow row, RowSlot? slot) => slot is not null && row.IsGiven(slot.Slot);

    private Evaluation EvaluateCompiledRow(ref ResidentRow row, ImmutableArray<EvaluationWarning> warnings)
    {
        var screener = _screener.Value;
        var state = default(RowState);
        screener.Prepare(in row, ref state, -1);
        var n = _items.Length;
        var m = Quantities.Length;
        var partCount = _explain ? screener.Program.PartCount : 0;

        // Per-thread buffers, not stackalloc: zeroing kilobytes of stack on every call cost more than screening.
        // Screening writes every slot, and nothing here calls back into an evaluation that could reuse them.
        var scratch = EvaluationScratch.For(n, m, partCount);
        var decisions = scratch.Decisions.AsSpan(0, n);
        var quantities = scratch.Quantities.AsSpan(0, m);
        var parts = scratch.Parts.AsSpan(0, partCount);
        screener.Run(new ReadOnlySpan<ResidentRow>(ref row), decisions, quantities, n, m);
        if (partCount > 0)
        {
            screener.RunParts(ref row, ref state, parts);
        }

        var result = new Decision[n];
        _materializer.Value.MakeAll(decisions, quantities, parts, result);

        return new Evaluation(County, On, Chain, ImmutableCollectionsMarshal.AsImmutableArray(result)) { Warnings = warnings };
    }

    /// <summary>A division-code fact of the row as its 6-digit text, or null when not given (or not a division fact).</summary>
    private static string? Division(in ResidentRow row, RowSlot? slot) =>
        slot is { Declaration.Kind: Model.FactKind.Division } && row.IsGiven(slot.Slot)
            ? ((int)row.CellAt(slot.Cell)).ToString("D6", CultureInfo.InvariantCulture)
            : null;

    /// <summary>A screener over the same items that interprets them instead of running generated code (as under NativeAOT).</summary>
    internal Screener InterpretingScreener()
    {
        var program = ChainCompiler.Compile(_items, Rows, emit: false);
        return new Screener(program, Tables(program), _layout, County);
    }

    private ScreeningTables Tables(ScreeningProgram program)
    {
        var values = new decimal[program.FirstTier.IsEmpty ? 0 : program.FirstTier[^1] + program.TierCount[^1]];
        var has = new bool[values.Length];
        var slot = 0;
        foreach (var item in _items)
        {
            foreach (var q in item.Quantities)
            {
                var first = program.FirstTier[slot++];
                for (var t = 0; t < q.Quantity.Tiers.Length; t++)
                {
                    if (q.Quantity.Tiers[t].ValueOn(On) is { } v)
                    {
                        values[first + t] = v;
                        has[first + t] = true;
                    }
                }
            }
        }

        var county = int.Parse(County, NumberStyles.None, CultureInfo.InvariantCulture);
        return new ScreeningTables(Rows, county, On, values, has, [.. program.FirstTier], [.. program.TierCount]);
    }
}
