using FluentAssertions;
using StandardsKit.Engine;
using StandardsKit.Model;
using Xunit;

namespace StandardsKit.Tests.Engine;

public sealed class NationalEditionTests
{
    [Theory]
    [InlineData("2022-06-01", 80)]
    [InlineData("2023-08-08", 80)]
    [InlineData("2023-08-09", 81)]
    [InlineData("2024-06-01", 81)]
    public void A_county_without_a_local_standard_has_every_national_item_of_the_edition_in_force(string on, int count)
    {
        var evaluation = Catalog.Default.Evaluate(Resident.Empty, "520102", DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));
        evaluation.Decisions.Should().HaveCount(count);
        evaluation.Decisions.Should().OnlyContain(d => d.Jurisdiction == "000000");
    }

    [Fact]
    public void Every_national_item_has_a_rule_provenance_and_the_same_id_across_editions()
    {
        var editions = Catalog.Default.Documents.Where(d => d.IsNational).ToList();
        editions.Select(d => d.Items.Length).Should().BeEquivalentTo([80, 81]);
        foreach (var item in editions.SelectMany(d => d.Items))
        {
            item.Eligibility.Should().NotBeNull(item.Id);
            if (item.Provenance.Evidence != Evidence.Reconstructed)
            {
                item.Provenance.Sources.Should().NotBeEmpty($"{item.Id} is {item.Provenance.Evidence} and must cite its source");
            }
        }

        var ids2021 = editions.Single(d => d.Edition == "2021").Items.Select(i => i.Id);
        editions.Single(d => d.Edition == "2023").Items.Select(i => i.Id).Except(ids2021).Should().Equal("folic-acid-supplementation");
    }

    [Fact]
    public void Verbatim_text_cites_an_official_source_and_never_appears_in_the_2023_edition_whose_text_was_not_seen()
    {
        foreach (var document in Catalog.Default.Documents)
        {
            foreach (var item in document.Items)
            {
                foreach (var (part, provenance) in StandardsKit.Diagnostics.ProvenanceSummary.PartsOf(item).Where(p => p.Provenance.Evidence == Evidence.Verbatim))
                {
                    provenance.Sources.Select(document.Source).Should().Contain(s => s != null && (s.Kind == "official" || s.Kind == "reprint"),
                        $"{document.Key} {item.Id} {part} is verbatim, so it must quote official text (the issuer's page or a reprint of it)");
                }
            }
        }

        Catalog.Default.Documents.Single(d => d.Key == "cn-national@2023").Items
            .SelectMany(i => i.Fields.Values).Should().NotContain(f => f.Provenance.Evidence == Evidence.Verbatim);
    }
}
