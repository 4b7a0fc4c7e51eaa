using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using StandardsKit.Compilation;
using StandardsKit.Compilation.Screening;
using StandardsKit.Diagnostics;
using StandardsKit.Divisions;
using StandardsKit.Engine;
using StandardsKit.Expressions;
using StandardsKit.Funding;
using StandardsKit.Loading;
using StandardsKit.Model;
using StandardsKit.Screening;
using StandardsKit.Testing;

namespace StandardsKit;

/// <summary>
/// The compiled standards: the entry point. Load it once (<see cref="LoadEmbedded()"/> for the national and
/// local standards shipped in this package, <see cref="LoadDirectory"/> for your own folder, or
/// <see cref="Compile"/> for a model built in code), then
/// <see cref="Evaluate(Resident, string, DateOnly, EvaluationOptions)"/> residents.
/// </summary>
/// <remarks>
/// A catalog is immutable and thread-safe: share one instance for the life of the process. Evaluation does
/// no I/O. Loading parses, schema-checks and compiles every file, so it is the expensive step. The documents
/// stay pure model data; the compiled rules and their source maps are kept by the catalog beside them.
/// </remarks>
public sealed class Catalog
{
    // The embedded standards are schema-checked at build time (CI runs `standardskit validate`, and a test
    // compares this catalog with LoadEmbedded's), so the default takes them on trust: no JSON Schema validator at
    // start-up, and (with the CLI's snapshot) the test files bound on first use.
    private static readonly Lazy<Catalog> DefaultCatalog = new(() =>
        CatalogLoader.Load(StandardsSources.Embedded(), fallBackToEmbeddedVocabulary: false, trustEmbeddedContent: true).GetCatalogOrThrow());

    private readonly ConcurrentDictionary<string, SharedResolution> _resolved = new(StringComparer.Ordinal);
    private readonly EditionIndex _editions;
    private readonly ConcurrentDictionary<(string, DateOnly), Resolution> _byCountyAndDate = new();
    private Resolution? _lastResolution;
    private readonly FrozenSet<string> _parents;

    // Bound on first use when the load recognised the test files as embedded content and the process has the
    // snapshot (CatalogLoader): only the test command and the acceptance tests read them, and parsing them was
    // about a tenth of a short command.
    private readonly Lazy<ImmutableArray<TestCase>> _tests;

    internal Catalog(CompiledStandards compiled, IDivisionDirectory divisions, ImmutableArray<StandardDocument> documents,
        Lazy<ImmutableArray<TestCase>> tests, ImmutableArray<Diagnostic> diagnostics)
    {
        Compiled = compiled;
        Facts = compiled.Facts;
        Divisions = divisions;
        Documents = documents;
        _tests = tests;
        Diagnostics = diagnostics;
        _editions = new EditionIndex(documents, divisions);
        _parents = divisions.All.Select(d => d.Parent).OfType<string>().ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The embedded default standards, loaded on first use.</summary>
    /// <exception cref="CatalogLoadException">The embedded standards have errors (a packaging bug).</exception>
    public static Catalog Default => DefaultCatalog.Value;

    /// <summary>The first evaluation date (and date fact, and date literal) the engine supports: 1800-01-01.</summary>
    public static DateOnly FirstSupportedDate => ExpressionLimits.FirstDate;

    /// <summary>The last evaluation date (and date fact, and date literal) the engine supports: 2399-12-31.</summary>
    public static DateOnly LastSupportedDate => ExpressionLimits.LastDate;

    /// <summary>The declared resident facts.</summary>
    public FactVocabulary Facts { get; }

    /// <summary>How residents of this catalog's fact vocabulary are laid out as rows for <see cref="PreparedEvaluation.Screen"/>.</summary>
    public ResidentRowLayout Rows => ResidentRowLayout.For(Facts);

    /// <summary>The compiled rules of <see cref="Documents"/>, for the engine and the analyses.</summary>
    internal CompiledStandards Compiled { get; }

    /// <summary>The administrative divisions used for jurisdiction chains.</summary>
    public IDivisionDirectory Divisions { get; }

    /// <summary>Every standard edition, in load order.</summary>
    public ImmutableArray<StandardDocument> Documents { get; }

    /// <summary>The YAML test cases that were loaded with the standards.</summary>
    public ImmutableArray<TestCase> Tests => _tests.Value;

    /// <summary>Warnings from loading (a catalog is only built when there were no errors).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// Which standards files were loaded (SHA-256 over them) and which engine evaluates them: carried by every
    /// evaluation result so a stored decision can be replayed and explained (see <see cref="StandardsRevision"/>).
    /// </summary>
    public StandardsRevision Revision { get; internal init; } = UnknownRevision;

    /// <summary>The revision of a catalog built from a model in code: no files were read, so nothing was hashed.</summary>
    internal static readonly StandardsRevision UnknownRevision = new(RevisionHash.Of(""), StandardsRevision.EngineVersion);

    /// <summary>
    /// Attributes of the divisions (fiscal band, region, ethnic autonomy, county lists) from
    /// <c>standards/divisions/attributes/</c>, resolved against <see cref="Divisions"/>.
    /// </summary>
    public DivisionAttributes Attributes { get; internal init; } = DivisionAttributes.Empty;

    /// <summary>The funding plans (<c>standards/funding/</c>): who pays for each item.</summary>
    public FundingRules Funding { get; internal init; } = FundingRules.Empty;

    /// <summary>Loads the standards embedded in this package (the repository's <c>standards/</c> folder).</summary>
    /// <remarks>
    /// Loading checks YAML, schema, references and expressions. The national-floor proof is an analysis, not a
    /// loading step: it lives in the <c>StandardsKit.Analysis</c> package (<c>FloorProver</c>), run by
    /// <c>standardskit validate</c>, so applications that only evaluate carry no decision procedure.
    /// </remarks>
    public static CatalogLoadResult LoadEmbedded() =>
        CatalogLoader.Load(StandardsSources.Embedded(), fallBackToEmbeddedVocabulary: false);

    /// <summary>
    /// Loads every <c>*.yaml</c> under a folder (or one file). A folder without <c>facts.yaml</c> or a division
    /// list uses the embedded ones, so a local standards repository needs only its own documents.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The path does not exist.</exception>
    public static CatalogLoadResult LoadDirectory(string path) => CatalogLoader.Load(StandardsSources.FromPath(path), fallBackToEmbeddedVocabulary: true);

    /// <summary>
    /// <see cref="LoadDirectory"/> for a command that only evaluates: files byte-identical to embedded ones are
    /// taken as checked where the package was built (see <see cref="CatalogLoader.Load"/>).
    /// </summary>
    internal static CatalogLoadResult LoadDirectoryToEvaluate(string path) =>
        CatalogLoader.Load(StandardsSources.FromPath(path), fallBackToEmbeddedVocabulary: true, trustEmbeddedContent: true);

    /// <summary>
    /// Loads every <c>*.yaml</c> under several files or folders as one set (for example a local standards
    /// repository plus its test cases), falling back to the embedded facts and division list where absent.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">A path does not exist.</exception>
    public static CatalogLoadResult LoadPaths(IEnumerable<string> paths) =>
        CatalogLoader.Load(StandardsSources.FromPaths(paths), fallBackToEmbeddedVocabulary: true);

    /// <summary>
    /// Checks and compiles a model built in code, as loading does after reading YAML: fact declarations, references
    /// and jurisdiction chains, dates, and every expression against the fact vocabulary. Facts and divisions the
    /// model leaves out are the embedded ones.
    /// </summary>
    /// <remarks>
    /// Never throws for a bad model: the result carries every diagnostic, positioned where the model says each
    /// thing is written (an expression without a span is reported at its item, naming the item and the character).
    /// What the JSON Schemas check in YAML (id and code formats, required texts) is the caller's to get right.
    /// </remarks>
    /// <param name="model">The documents, and optionally their fact vocabulary and division list.</param>
    public static CatalogLoadResult Compile(StandardsModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ModelCompilation.Compile(model);
    }

    /// <summary>
    /// The same standards with another division list, for a newer edition of GB/T 2260 or your own source.
    /// Every jurisdiction a loaded standard names must exist in it.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A standard's jurisdiction is missing from <paramref name="divisions"/>, or the new chains break a chain rule
    /// (an <c>extends</c> that is no longer an ancestor, item ids that now collide along a chain).
    /// </exception>
    public Catalog WithDivisions(IDivisionDirectory divisions)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        var missing = Documents.FirstOrDefault(d => !d.IsNational && divisions.Find(d.Jurisdiction) is null);
        if (missing is not null)
        {
            throw new ArgumentException($"{missing.Key} is issued for {missing.Jurisdiction}, which the division list lacks", nameof(divisions));
        }

        // Parents follow the division list, so new chains are re-checked: a catalog never silently prefers one layer.
        var chainFindings = new DiagnosticBag();
        new ChainChecker(Documents, divisions, chainFindings).Check();
        if (chainFindings.Items.FirstOrDefault(d => d.Severity == Severity.Error) is { } broken)
        {
            throw new ArgumentException($"with this division list, {broken}", nameof(divisions));
        }

        return new Catalog(Compiled, divisions, Documents, _tests, Diagnostics) { Attributes = Attributes.With(divisions), Funding = Funding, Revision = RevisionHash.WithDivisions(Revision, divisions.All) };
    }

    /// <summary>
    /// Who pays for <paramref name="item"/> (one of <see cref="ItemsInForce"/>) in a county on a date: the most
    /// specific funding plan in force along the county's chain with a rule for the item; null when none has one.
    /// </summary>
    /// <exception cref="UnknownDivisionException">The county code is not in the division list.</exception>
    public FundingDecision? FundingFor(EffectiveItem item, string county, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (county != DivisionCode.National && Divisions.Find(county) is null)
        {
            throw new UnknownDivisionException($"unknown county code '{county}'");
        }

        return Funding.Decide(item, county, on, Divisions, Attributes);
    }

    /// <summary>The standards in force along the county's chain on a date, national first.</summary>
    /// <exception cref="UnknownDivisionException">The county code is not a county-level unit of the division list (unknown, or a province or prefecture).</exception>
    public ImmutableArray<ChainLink> ChainFor(string county, DateOnly on) => Resolve(county, on).Chain;

    /// <summary>The items in force for a county on a date, with their layers resolved.</summary>
    /// <exception cref="UnknownDivisionException">The county code is not a county-level unit of the division list (unknown, or a province or prefecture).</exception>
    public ImmutableArray<EffectiveItem> ItemsInForce(string county, DateOnly on)
    {
        return Resolve(county, on).Items;
    }

    /// <summary>Evaluates every item in force (or only <paramref name="items"/>) for a resident.</summary>
    /// <param name="resident">The facts known about the person.</param>
    /// <param name="county">County-level code where the person is evaluated.</param>
    /// <param name="on">The date.</param>
    /// <param name="items">Item ids to keep; null or empty for all.</param>
    /// <exception cref="UnknownDivisionException">The county code is not a county-level unit of the division list (unknown, or a province or prefecture).</exception>
    /// <exception cref="ResidentException">A fact is unknown, has a value of the wrong type, or is outside its supported range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="on"/> is outside <see cref="FirstSupportedDate"/>..<see cref="LastSupportedDate"/>.</exception>
    /// <exception cref="ArgumentException">An item id in <paramref name="items"/> is not in force there on that date.</exception>
    public Evaluation Evaluate(Resident resident, string county, DateOnly on, IEnumerable<string>? items = null) =>
        Evaluate(resident, county, on, new EvaluationOptions { Items = items?.ToList() });

    /// <summary>Evaluates a resident with explicit options (item filter, explanations on or off).</summary>
    /// <exception cref="UnknownDivisionException">The county code is not a county-level unit of the division list (unknown, or a province or prefecture).</exception>
    /// <exception cref="ResidentException">A fact is unknown, has a value of the wrong type, or is outside its supported range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="on"/> is outside <see cref="FirstSupportedDate"/>..<see cref="LastSupportedDate"/>.</exception>
    /// <exception cref="ArgumentException">An item id in the filter is not in force there on that date.</exception>
    public Evaluation Evaluate(Resident resident, string county, DateOnly on, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return Prepare(county, on, options).Evaluate(resident);
    }

    /// <summary>
    /// Resolves the items in force for a county on a date once, for evaluating many residents: the batch path.
    /// </summary>
    /// <exception cref="UnknownDivisionException">The county code is not a county-level unit of the division list (unknown, or a province or prefecture).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="on"/> is outside <see cref="FirstSupportedDate"/>..<see cref="LastSupportedDate"/>.</exception>
    /// <exception cref="ArgumentException">An item id in the filter is not in force there on that date.</exception>
    public PreparedEvaluation Prepare(string county, DateOnly on, EvaluationOptions? options = null)
    {
        if (!ExpressionLimits.IsSupported(on))
        {
            throw new ArgumentOutOfRangeException(nameof(on), on,
                $"the evaluation date {ExpressionLimits.Iso(on)} is outside the supported range {ExpressionLimits.DateRangeText}");
        }

        options ??= EvaluationOptions.Default;
        var resolution = Resolve(county, on);
        if (options.Items is not { Count: > 0 } wanted)
        {
            return options.Explain ? resolution.Explained : resolution.Unexplained;
        }

        var indexes = new List<int>(wanted.Count);
        foreach (var id in wanted)
        {
            if (!resolution.Index.TryGetValue(id, out var index))
            {
                var hint = Suggestions.DidYouMean(id, resolution.Index.Keys);
                throw new ArgumentException($"item '{id}' is not in force in {county} on {ExpressionLimits.Iso(on)}" + (hint is null ? "" : $" — {hint}"), nameof(options));
            }

            if (!indexes.Contains(index))
            {
                indexes.Add(index);
            }
        }

        indexes.Sort();
        return new PreparedEvaluation(Compiled.Layout, Rows, county, on, resolution.Chain, [.. indexes.Select(i => resolution.Items[i])], options.Explain);
    }

    private Resolution Resolve(string county, DateOnly on)
    {
        // A caller evaluating one resident at a time usually asks for the same county and date again: comparing
        // them costs less than hashing the key.
        if (Volatile.Read(ref _lastResolution) is { } last && last.On == on && string.Equals(last.County, county, StringComparison.Ordinal))
        {
            return last;
        }

        if (_byCountyAndDate.TryGetValue((county, on), out var cached))
        {
            Volatile.Write(ref _lastResolution, cached);
            return cached;
        }

        var documents = InForce(county, on);
        var key = string.Join("|", documents.Select(d => d.Key));
        var shared = _resolved.GetOrAdd(key, _ => new SharedResolution(documents, Compiled, Rows));
        var resolution = new Resolution(Compiled.Layout, Rows, county, on, shared);

        // Entries are small (the resolved items are shared per chain of editions), and the map is bounded: a
        // service evaluating many dates must not grow it without limit.
        if (_byCountyAndDate.Count > 100_000)
        {
            _byCountyAndDate.Clear();
        }

        _byCountyAndDate.TryAdd((county, on), resolution);
        return resolution;
    }

    /// <summary>The items of one chain of editions, resolved once and shared by every county and date it serves.</summary>
    private sealed class SharedResolution
    {
        public SharedResolution(List<StandardDocument> documents, CompiledStandards compiled, ResidentRowLayout rows)
        {
            Chain = [.. documents.Select(d => new ChainLink(d.Jurisdiction, d.Id, d.Edition))];
            Items = Overlay.Resolve(documents, compiled);
            Array = [.. Items];
            Index = Items.Select((item, i) => (item.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            Program = new Lazy<ScreeningProgram>(() => ChainCompiler.Compile(Array, rows));
        }

        /// <summary>The items compiled for screening, once for every county and date this chain serves.</summary>
        public Lazy<ScreeningProgram> Program { get; }

        public ImmutableArray<ChainLink> Chain { get; }

        public ImmutableArray<EffectiveItem> Items { get; }

        public EffectiveItem[] Array { get; }

        public FrozenDictionary<string, int> Index { get; }
    }

    /// <summary>What is in force for a county on a date: the shared items plus both prepared forms.</summary>
    private sealed class Resolution(FrameLayout layout, ResidentRowLayout rows, string county, DateOnly on, SharedResolution shared)
    {
        public string County => county;

        public DateOnly On => on;

        public ImmutableArray<ChainLink> Chain => shared.Chain;

        public ImmutableArray<EffectiveItem> Items => shared.Items;

        public FrozenDictionary<string, int> Index => shared.Index;

        public PreparedEvaluation Explained { get; } = new(layout, rows, county, on, shared.Chain, shared.Array, explain: true, shared.Program);

        public PreparedEvaluation Unexplained { get; } = new(layout, rows, county, on, shared.Chain, shared.Array, explain: false, shared.Program);
    }

    private List<StandardDocument> InForce(string county, DateOnly on)
    {
        // 000000 asks for the national standard alone, without any local overlay.
        if (county != DivisionCode.National && Divisions.Find(county) is null)
        {
            // Suggest only codes eval accepts: a province or prefecture would just be refused next.
            var nearest = JurisdictionChain.Nearest(county, Divisions, accept: d => !_parents.Contains(d.Code));
            throw new UnknownDivisionException($"unknown county code '{county}'" +
                (nearest.Count == 0 ? "" : "; nearest valid: " + string.Join(", ", nearest.Select(d => $"{d.Code} {d.Name}"))));
        }

        // A province or prefecture is a jurisdiction, not a place a resident is evaluated in: its counties may differ.
        if (_parents.Contains(county))
        {
            var division = Divisions.Find(county)!;
            var counties = Divisions.All.Where(d => !_parents.Contains(d.Code) && DivisionCode.IsWithin(d.Code, county)).Take(3).ToList();
            throw new UnknownDivisionException($"'{county}' {division.Name} is a {(division.Parent is null ? "province" : "prefecture")}-level division, not a county-level code; " +
                $"give one of its county-level units, e.g. {string.Join(", ", counties.Select(d => $"{d.Code} {d.Name}"))} (000000 evaluates the national standard alone)");
        }

        return _editions.InForce(county, on);
    }
}
