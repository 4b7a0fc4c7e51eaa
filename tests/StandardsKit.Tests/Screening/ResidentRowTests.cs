using StandardsKit.Engine;
using StandardsKit.Screening;

namespace StandardsKit.Tests.Screening;

/// <summary>Rows through the public API: what a fact set on a row means, and how a wrong value is refused.</summary>
public sealed class ResidentRowTests
{
    private static readonly ResidentRowLayout Rows = Catalog.Default.Rows;

    [Fact]
    public void The_supported_date_range_is_the_one_evaluation_uses()
    {
        var row = default(ResidentRow);
        var birth = Rows.Fact("birthDate");
        row.Set(birth, Catalog.FirstSupportedDate);
        row.Set(birth, Catalog.LastSupportedDate);
        FluentActions.Invoking(() => default(ResidentRow).Set(birth, Catalog.FirstSupportedDate.AddDays(-1))).Should().Throw<ResidentException>()
            .WithMessage("fact 'birthDate' is 1799-12-31, outside the supported range 1800-01-01..2399-12-31");
        FluentActions.Invoking(() => default(ResidentRow).Set(birth, Catalog.LastSupportedDate.AddDays(1))).Should().Throw<ResidentException>()
            .WithMessage("fact 'birthDate' is 2400-01-01, outside the supported range 1800-01-01..2399-12-31");
    }
}
