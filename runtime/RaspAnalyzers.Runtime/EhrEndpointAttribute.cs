using System;

namespace RaspAnalyzers;

/// <summary>
/// Marks an MVC action, a minimal-API handler or a service method as an endpoint that serves electronic
/// health records. The endpoint names the resource it serves and the action it takes on it; guards and audit
/// events generated for it use both.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class EhrEndpointAttribute : Attribute
{
    /// <summary>Marks the method as serving <paramref name="resource"/> with <paramref name="action"/>.</summary>
    /// <param name="resource">The resource type served, such as "Patient" or "Observation".</param>
    /// <param name="action">What the endpoint does to the resource.</param>
    /// <exception cref="ArgumentException"><paramref name="resource"/> is empty or white space.</exception>
    public EhrEndpointAttribute(string resource, EhrAction action)
    {
        if (string.IsNullOrWhiteSpace(resource))
        {
            throw new ArgumentException("An EHR endpoint names the resource it serves.", nameof(resource));
        }

        Resource = resource;
        Action = action;
    }

    /// <summary>The resource type served, such as "Patient".</summary>
    public string Resource { get; }

    /// <summary>What the endpoint does to the resource.</summary>
    public EhrAction Action { get; }
}
