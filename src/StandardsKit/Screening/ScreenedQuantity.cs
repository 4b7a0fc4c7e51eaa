namespace StandardsKit.Screening;

/// <summary>
/// Which quantity a slot of a screening buffer holds: the item it belongs to (its index in
/// <see cref="Engine.PreparedEvaluation.Items"/>), its name and unit, and the jurisdiction whose standard sets it.
/// </summary>
/// <param name="Item">Index of the item in <see cref="Engine.PreparedEvaluation.Items"/>.</param>
/// <param name="Name">Quantity name.</param>
/// <param name="Unit">Unit, such as <c>CNY/month</c>.</param>
/// <param name="AtLeast">True when the standard says "not lower than".</param>
/// <param name="Jurisdiction">The jurisdiction whose standard sets the quantity.</param>
public sealed record ScreenedQuantity(int Item, string Name, string Unit, bool AtLeast, string Jurisdiction);
