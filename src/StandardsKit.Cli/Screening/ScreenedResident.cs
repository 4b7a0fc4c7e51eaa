using StandardsKit.Engine;

namespace StandardsKit.Cli.Screening;

/// <summary>A resident and its decisions: one output row per decision.</summary>
internal readonly record struct ScreenedResident(ScreenRow Row, Evaluation Evaluation);
