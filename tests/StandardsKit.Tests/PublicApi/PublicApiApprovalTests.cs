using PublicApiGenerator;
using StandardsKit.Analysis;
using StandardsKit.Tests.TestSupport;

namespace StandardsKit.Tests.PublicApi;

/// <summary>
/// The public surface of each shipped assembly, approved as a golden file: any addition, removal or change of
/// a public member shows up as a reviewable diff (update with STANDARDSKIT_UPDATE_GOLDEN=1 dotnet test).
/// </summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void The_library_public_api_is_the_approved_one() =>
        Golden.Match(typeof(Catalog).Assembly.GeneratePublicApi(Options), "PublicApi/StandardsKit.txt");

    [Fact]
    public void The_analysis_public_api_is_the_approved_one() =>
        Golden.Match(typeof(FloorProver).Assembly.GeneratePublicApi(Options), "PublicApi/StandardsKit.Analysis.txt");

    [Fact]
    public void The_service_public_api_is_the_approved_one() =>
        Golden.Match(typeof(StandardsKit.Service.StandardsKitService).Assembly.GeneratePublicApi(Options), "PublicApi/StandardsKit.Service.txt");

    private static ApiGeneratorOptions Options => new() { IncludeAssemblyAttributes = false };
}
