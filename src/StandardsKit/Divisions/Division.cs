namespace StandardsKit.Divisions;

/// <summary>An administrative division (GB/T 2260): province, prefecture or county-level unit.</summary>
/// <param name="Code">6-digit code.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="Parent">Parent code; null for provinces, whose parent is the nation.</param>
public sealed record Division(string Code, string Name, string? Parent);
