using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.Analysis;

public sealed class PropertyRunsTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("20", 20)]
    public void The_scale_defaults_to_one_and_multiplies_iterations(string? value, int scale) =>
        PropertyRuns.Parse(value).Should().Be(scale);

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("lots")]
    public void A_scale_that_is_not_a_whole_number_from_1_is_refused_with_the_variable_named(string value) =>
        FluentActions.Invoking(() => PropertyRuns.Parse(value)).Should().Throw<InvalidOperationException>().WithMessage("*STANDARDSKIT_PROPERTY_SCALE*");
}
