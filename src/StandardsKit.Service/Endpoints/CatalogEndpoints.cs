using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StandardsKit.DependencyInjection;
using StandardsKit.Engine;
using StandardsKit.Json;
using StandardsKit.Model;
using StandardsKit.Service.Contracts;
using StandardsKit.Service.Http;

namespace StandardsKit.Service.Endpoints;

/// <summary>GET /v1/items, /v1/items/{id}, /v1/facts, /v1/standards, /v1/divisions: what the served standards hold.</summary>
internal static class CatalogEndpoints
{
    private static readonly ConditionalWeakTable<Catalog, DivisionIndex> Divisions = new();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/items", Items).WithName("ListItems")
            .WithSummary("The items in force for a county on a date")
            .WithDescription("county defaults to 000000 (the national standard alone); on defaults to today in China (UTC+8).")
            .Produces<ItemsView>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapGet("/v1/items/{id}", Item).WithName("GetItem")
            .WithSummary("One item as it applies in a county on a date: every layer's texts, rule, level and evidence")
            .Produces<ItemDetail>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapGet("/v1/facts", Facts).WithName("ListFacts")
            .WithSummary("The resident fact vocabulary: names, types, allowed values, zh/en descriptions")
            .Produces<FactsView>();
        app.MapGet("/v1/standards", Standards).WithName("ListStandards")
            .WithSummary("Every loaded standard edition")
            .Produces<StandardsView>();
        app.MapGet("/v1/divisions", FindDivisions).WithName("FindDivisions")
            .WithSummary("Divisions whose code starts with q or whose full name contains every word of q")
            .Produces<DivisionsView>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Today in China: UTC+8 all year (no daylight saving since 1991), whatever the server's zone.</summary>
    internal static DateOnly TodayInChina() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static IResult Items(HttpContext context, CatalogProvider provider, string? county, string? on)
    {
        var catalog = provider.Current;
        try
        {
            var (code, date) = Where(county, on);
            var chain = catalog.ChainFor(code, date);
            var items = catalog.ItemsInForce(code, date).Select(Summary).ToList();
            var view = new ItemsView(code, date, [.. chain.Select(l => new JsonChainLink(l.Jurisdiction, l.Standard, l.Edition))], catalog.Revision, items);
            return Revisions.Json(context, catalog, JsonSerializer.SerializeToUtf8Bytes(view, ServiceJson.Readable.ItemsView));
        }
        catch (ProblemException e)
        {
            return e.Problem.ToResult();
        }
        catch (UnknownDivisionException e)
        {
            return Problem.Field("#/county", e.Message).ToResult();
        }
    }

    private static IResult Item(HttpContext context, CatalogProvider provider, string id, string? county, string? on)
    {
        var catalog = provider.Current;
        try
        {
            var (code, date) = Where(county, on);
            var items = catalog.ItemsInForce(code, date);
            var item = items.FirstOrDefault(i => i.Id == id);
            if (item is null)
            {
                var hint = Diagnostics.Suggestions.DidYouMean(id, items.Select(i => i.Id));
                return new Problem(StatusCodes.Status404NotFound, "unknown-item", "No such item in force",
                    $"item '{id}' is not in force in {code} on {date:yyyy-MM-dd}" + (hint is null ? "" : $" — {hint}"), "#/id").ToResult();
            }

            var view = new ItemDetail(code, date, catalog.Revision, Summary(item), [.. item.Layers.Select(Layer)]);
            return Revisions.Json(context, catalog, JsonSerializer.SerializeToUtf8Bytes(view, ServiceJson.Readable.ItemDetail));
        }
        catch (ProblemException e)
        {
            return e.Problem.ToResult();
        }
        catch (UnknownDivisionException e)
        {
            return Problem.Field("#/county", e.Message).ToResult();
        }
    }

    private static IResult Facts(HttpContext context, CatalogProvider provider)
    {
        var catalog = provider.Current;
        var facts = catalog.Facts.Facts.Select(f => new FactView(f.Name, Type(f.Kind), EvaluationJson.Text(f.Description), f.Unit, f.Values, f.Min, f.Max,
            f.Derived, f.AbsentMeansNone, f.DefaultsToCounty)).ToList();
        return Revisions.Json(context, catalog, JsonSerializer.SerializeToUtf8Bytes(new FactsView(catalog.Revision, facts), ServiceJson.Readable.FactsView));
    }

    private static IResult Standards(HttpContext context, CatalogProvider provider)
    {
        var catalog = provider.Current;
        var standards = catalog.Documents.Select(d => new StandardView(d.Key, d.Id, d.Edition, d.Jurisdiction, EvaluationJson.Text(d.Title), d.EffectiveFrom,
            d.EffectiveUntil, d.Extends, d.Supersedes, d.Items.Length, d.Provenance is { } p ? Evidence(p.Evidence) : null)).ToList();
        return Revisions.Json(context, catalog, JsonSerializer.SerializeToUtf8Bytes(new StandardsView(catalog.Revision, standards), ServiceJson.Readable.StandardsView));
    }

    private static IResult FindDivisions(HttpContext context, CatalogProvider provider, string? q, int? limit)
    {
        var catalog = provider.Current;
        var query = (q ?? "").Trim();
        if (query.Length is 0 or > 64)
        {
            return Problem.Field("#/q", "q must be 1–64 characters: a code prefix (3101) or words of a name (上海 徐汇)").ToResult();
        }

        var take = Math.Clamp(limit ?? 20, 1, 100);
        var found = Divisions.GetValue(catalog, c => new DivisionIndex(c.Divisions)).Find(query, take);
        return Revisions.Json(context, catalog, JsonSerializer.SerializeToUtf8Bytes(new DivisionsView(query, found), ServiceJson.Readable.DivisionsView));
    }

    private static (string County, DateOnly On) Where(string? county, string? on)
    {
        var code = county ?? "000000";
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            throw new ProblemException(Problem.Field("#/county", "county must be a 6-digit county-level code, e.g. 310104"));
        }

        if (on is null)
        {
            return (code, TodayInChina());
        }

        return DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date >= Catalog.FirstSupportedDate && date <= Catalog.LastSupportedDate
            ? (code, date)
            : throw new ProblemException(Problem.Field("#/on", $"on must be a date YYYY-MM-DD between {Catalog.FirstSupportedDate:yyyy-MM-dd} and {Catalog.LastSupportedDate:yyyy-MM-dd}"));
    }

    private static ItemSummary Summary(EffectiveItem item)
    {
        var root = item.Layers[0].Item;
        return new ItemSummary(item.Id, item.Number, EvaluationJson.Text(item.Name), item.LocalName is { } l ? EvaluationJson.Text(l) : null,
            EvaluationJson.Kind(item.Kind), item.Jurisdiction, root.Area, root.Category);
    }

    private static LayerView Layer(ItemLayer layer)
    {
        var i = layer.Item;
        var fields = ItemFieldNames.All.Where(i.Fields.ContainsKey)
            .ToDictionary(n => n, n => new FieldView(EvaluationJson.Text(i.Fields[n].Text), Evidence(i.Fields[n].Provenance.Evidence)), StringComparer.Ordinal);
        var eligibility = i.Eligibility is { } e ? new EligibilityView(e.When, e.Provenance is { } p ? Evidence(p.Evidence) : null, e.Span?.ToString()) : null;
        var level = i.Level is { } lv
            ? new LevelView(lv.Text is { } t ? EvaluationJson.Text(t) : null, [.. lv.Quantities.Select(q => new QuantityView(q.Name, q.Unit, q.AtLeast,
                [.. q.Tiers.Select(tier => new TierView(tier.When, [.. tier.Values.Select(v => new DatedValueView(v.From == DateOnly.MinValue ? null : v.From, v.Value))]))]))])
            : null;
        return new LayerView(layer.Document.Key, layer.Document.Jurisdiction, i.Id, EvaluationJson.Text(i.Name), Evidence(i.Provenance.Evidence),
            i.Provenance.Sources, fields, eligibility, level, i.Span?.ToString());
    }

    private static string Evidence(Evidence evidence) => evidence.Name();

    private static string Type(FactKind kind) => kind switch
    {
        FactKind.Bool => "bool",
        FactKind.Int => "int",
        FactKind.Decimal => "decimal",
        FactKind.Date => "date",
        FactKind.String => "string",
        FactKind.Enum => "enum",
        FactKind.Set => "set",
        _ => "division",
    };
}
