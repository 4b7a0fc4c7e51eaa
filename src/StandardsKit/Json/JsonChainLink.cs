namespace StandardsKit.Json;

/// <summary>A standard edition in force along the jurisdiction chain (SPEC §6 <c>chain</c>).</summary>
/// <param name="Jurisdiction">Its jurisdiction code.</param>
/// <param name="Standard">Standard id.</param>
/// <param name="Edition">Edition in force.</param>
public sealed record JsonChainLink(string Jurisdiction, string Standard, string Edition);
