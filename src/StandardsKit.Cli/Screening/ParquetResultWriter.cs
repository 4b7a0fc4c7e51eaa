using Parquet;
using Parquet.Schema;

namespace StandardsKit.Cli.Screening;

/// <summary>
/// Parquet out: string columns id, county, on, item, quantities, missingFacts (<c>a|b</c>) and a nullable boolean
/// eligible; a row group per 262,144 decisions, so memory stays bounded whatever the input size.
/// </summary>
internal sealed class ParquetResultWriter : ResultWriter
{
    private const int RowGroupRows = 262_144;

    private static readonly DataField<string> Id = new("id");
    private static readonly DataField<string> County = new("county");
    private static readonly DataField<string> On = new("on");
    private static readonly DataField<string> Item = new("item");
    private static readonly DataField<bool?> Eligible = new("eligible");
    private static readonly DataField<string> Quantities = new("quantities");
    private static readonly DataField<string> MissingFacts = new("missingFacts");

    private readonly ParquetWriter _writer;
    private readonly Columns _pending = new(RowGroupRows);

    public ParquetResultWriter(Stream output)
    {
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(Id, County, On, Item, Eligible, Quantities, MissingFacts), output)
            .GetAwaiter().GetResult();
    }

    public override object Render(IReadOnlyList<ScreenedResident> residents)
    {
        var columns = new Columns(Math.Max(1, residents.Count) * 96);
        foreach (var (row, evaluation) in residents)
        {
            var on = Iso(row.On);
            foreach (var d in evaluation.Decisions)
            {
                columns.Add(row.Id, row.County, on, d.Item, d.Eligible, QuantitiesText(d.Level), string.Join("|", d.MissingFacts));
            }
        }

        return columns;
    }

    public override void Write(object rendered)
    {
        var columns = (Columns)rendered;
        for (var i = 0; i < columns.Count; i++)
        {
            _pending.Add(columns.Ids[i], columns.Counties[i], columns.Ons[i], columns.Items[i], columns.Eligibles[i], columns.QuantityTexts[i], columns.Missing[i]);
            if (_pending.Count == RowGroupRows)
            {
                Flush();
            }
        }
    }

    public override void Complete()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        using (var group = _writer.CreateRowGroup())
        {
            group.WriteAsync(Id, _pending.Ids).GetAwaiter().GetResult();
            group.WriteAsync(County, _pending.Counties).GetAwaiter().GetResult();
            group.WriteAsync(On, _pending.Ons).GetAwaiter().GetResult();
            group.WriteAsync(Item, _pending.Items).GetAwaiter().GetResult();
            group.WriteAsync<bool>(Eligible, _pending.Eligibles.ToArray()).GetAwaiter().GetResult();
            group.WriteAsync(Quantities, _pending.QuantityTexts).GetAwaiter().GetResult();
            group.WriteAsync(MissingFacts, _pending.Missing).GetAwaiter().GetResult();
        }

        _pending.Clear();
    }

    private sealed class Columns(int capacity)
    {
        public List<string> Ids { get; } = new(capacity);

        public List<string> Counties { get; } = new(capacity);

        public List<string> Ons { get; } = new(capacity);

        public List<string> Items { get; } = new(capacity);

        public List<bool?> Eligibles { get; } = new(capacity);

        public List<string> QuantityTexts { get; } = new(capacity);

        public List<string> Missing { get; } = new(capacity);

        public int Count => Ids.Count;

        public void Add(string id, string county, string on, string item, bool? eligible, string quantities, string missing)
        {
            Ids.Add(id);
            Counties.Add(county);
            Ons.Add(on);
            Items.Add(item);
            Eligibles.Add(eligible);
            QuantityTexts.Add(quantities);
            Missing.Add(missing);
        }

        public void Clear()
        {
            Ids.Clear();
            Counties.Clear();
            Ons.Clear();
            Items.Clear();
            Eligibles.Clear();
            QuantityTexts.Clear();
            Missing.Clear();
        }
    }
}
