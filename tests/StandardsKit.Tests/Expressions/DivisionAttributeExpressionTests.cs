using StandardsKit.Engine;
using StandardsKit.Expressions;
using static StandardsKit.Tests.Expressions.ExpressionHarness;

namespace StandardsKit.Tests.Expressions;

/// <summary><c>hasAttribute(place, "name")</c> and <c>attribute(place, "name")</c>: what they answer and what they refuse.</summary>
public class DivisionAttributeExpressionTests
{
    private static Value At(string text, string fact, string code) => Eval(text, Resident.Empty.With(fact, code));

    [Theory]
    [InlineData("510726", true)] // 北川羌族自治县
    [InlineData("513231", true)] // 阿坝县, in 阿坝藏族羌族自治州
    [InlineData("310104", false)]
    public void HasAttribute_answers_from_the_division_the_fact_names(string residence, bool expected)
    {
        var v = At("hasAttribute(residence, \"ethnicAutonomous\")", "residence", residence);
        v.Kind.Should().Be(ValueKind.Bool);
        v.Bool.Should().Be(expected);
    }

    [Fact]
    public void An_absent_residence_reads_the_county_evaluated()
    {
        // The harness evaluates in 310104 (band 5); residence defaults to the county.
        Eval("attribute(residence, \"fiscalBand\") == 5", Resident.Empty).Bool.Should().BeTrue();
    }

    [Theory]
    [InlineData("520102", 1)]
    [InlineData("510104", 1)]
    [InlineData("210202", 4)] // 大连 中山区: a 计划单列市, band 4 apart from Liaoning's 3
    [InlineData("310104", 5)]
    public void Attribute_reads_a_number_that_compares_like_any_other(string hukou, int band)
    {
        At($"attribute(hukou, \"fiscalBand\") == {band}", "hukou", hukou).Bool.Should().BeTrue();
        At($"attribute(hukou, \"fiscalBand\") + 1 > {band}", "hukou", hukou).Bool.Should().BeTrue();
        At($"attribute(hukou, \"fiscalBand\") in [{band}]", "hukou", hukou).Bool.Should().BeTrue();
    }

    [Fact]
    public void An_enum_attribute_compares_with_its_values()
    {
        At("attribute(hukou, \"region\") == \"west\"", "hukou", "520102").Bool.Should().BeTrue();
        At("attribute(hukou, \"region\") in [\"east\", \"central\"]", "hukou", "520102").Bool.Should().BeFalse();
    }

    [Theory]
    [InlineData("attribute(hukou, \"fiscalBand\") <= 5", "659001")] // a corps city: no source gives its band
    [InlineData("attribute(hukou, \"fiscalBand\") in [1, 2, 3, 4, 5]", "659001")]
    [InlineData("hasAttribute(hukou, \"borderCounty\")", "310104")] // no source names the border counties
    [InlineData("not hasAttribute(hukou, \"borderCounty\")", "310104")]
    public void A_division_the_sources_do_not_cover_is_undetermined_with_no_fact_to_ask_for(string text, string hukou)
    {
        var v = At(text, "hukou", hukou);
        v.Kind.Should().Be(ValueKind.Unknown, text);
        v.Missing.Should().Be(UInt128.Zero, "asking the resident cannot help");
    }

    [Fact]
    public void A_missing_hukou_is_undetermined_and_names_hukou()
    {
        var v = Eval("hasAttribute(hukou, \"ethnicAutonomous\")", Resident.Empty);
        v.Kind.Should().Be(ValueKind.Unknown);
        v.Missing.Should().Be(Bit("hukou"));
    }

    [Fact]
    public void An_undetermined_attribute_does_not_hide_a_later_match_in_a_list()
    {
        At("5 in [attribute(hukou, \"fiscalBand\"), 5]", "hukou", "659001").Bool.Should().BeTrue();
        At("6 in [attribute(hukou, \"fiscalBand\"), 5]", "hukou", "659001").Kind.Should().Be(ValueKind.Unknown);
    }

    [Fact]
    public void An_unknown_attribute_name_is_an_error_with_a_suggestion()
    {
        var error = ErrorOf("hasAttribute(residence, \"ethnicAutonomus\")");
        error.Code.Should().Be("SK0503");
        error.Offset.Should().Be(24);
        error.Help.Should().Contain("ethnicAutonomous");
    }

    [Theory]
    [InlineData("hasAttribute(residence, \"fiscalBand\")", "attribute(residence, \"fiscalBand\") <= 2")]
    [InlineData("attribute(residence, \"ethnicAutonomous\") == true", "hasAttribute(residence, \"ethnicAutonomous\")")]
    [InlineData("hasAttribute(age, \"ethnicAutonomous\")", "hasAttribute(residence, \"ethnicAutonomous\")")]
    public void The_wrong_form_or_a_place_that_is_not_a_division_is_a_type_error_saying_what_to_write(string text, string help)
    {
        var error = ErrorOf(text);
        error.Code.Should().Be("SK0103");
        error.Help.Should().Contain(help);
    }

    [Theory]
    [InlineData("attribute(hukou, \"region\") == \"weast\"")]
    [InlineData("hasAttribute(hukou)")]
    [InlineData("hasAttribute(hukou, hukou)")]
    public void A_misspelt_value_or_a_malformed_call_does_not_compile(string text) => ErrorOf(text);
}
