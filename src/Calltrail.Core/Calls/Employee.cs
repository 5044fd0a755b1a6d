namespace Calltrail.Calls;

/// <summary>An employee as the decision needs them: whether they hold a contact-center seat.</summary>
public readonly record struct Employee(bool Seat);
