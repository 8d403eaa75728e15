namespace RaspAnalyzers.Guards;

/// <summary>One value an attacker controls: where it came from in the request, under what name, and its text.</summary>
/// <param name="Part">The request part the value came from.</param>
/// <param name="Name">The key, field, cookie or header name; for a JSON body the property name of the leaf.</param>
/// <param name="Value">The decoded text the application sees.</param>
public readonly record struct UntrustedValue(RequestPart Part, string Name, string Value);
