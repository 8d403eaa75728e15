using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// Decides which methods ASP.NET Core calls with request data — MVC actions, Razor Pages handlers, SignalR hub
/// methods, minimal-API handlers — and describes each bound parameter as a source.
/// </summary>
internal sealed class RequestEntryPoints
{
    private readonly RemoteSources _sources;
    private readonly INamedTypeSymbol? _dbContext;

    public RequestEntryPoints(Compilation compilation, RemoteSources sources)
    {
        _sources = sources;
        _dbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
    }

    /// <summary>
    /// The sources for the parameters of an MVC action, page handler or hub method, one per parameter (null where
    /// a parameter is not request data), or default when the method is none of those.
    /// </summary>
    public ImmutableArray<TaintOrigin?> ForControllerMethod(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.IsAbstract
            || method.DeclaredAccessibility != Accessibility.Public || method.Parameters.IsEmpty)
        {
            return default;
        }

        var type = method.ContainingType;
        if (IsController(type))
        {
            if (method.HasAttribute(_sources.NonActionAttribute))
            {
                return default;
            }

            var isApi = type.HasAttributeInherited(_sources.ApiControllerAttribute);
            var templates = RouteTemplates(method);
            return Describe(method.Parameters, isApi ? "request body" : "bound model", templates);
        }

        if (type.IsOrInherits(_sources.PageModel) && method.Name.StartsWith("On", StringComparison.Ordinal))
        {
            return Describe(method.Parameters, "bound model", ImmutableArray<string>.Empty);
        }

        if (type.IsOrInherits(_sources.Hub))
        {
            var origins = ImmutableArray.CreateBuilder<TaintOrigin?>(method.Parameters.Length);
            foreach (var parameter in method.Parameters)
            {
                origins.Add(IsRequestData(parameter)
                    ? TaintOrigin.Source("hub method argument '" + parameter.Name + "'", parameter.Locations[0])
                    : null);
            }

            return origins.MoveToImmutable();
        }

        return default;
    }

    /// <summary>The sources for a minimal-API handler's parameters, given the route pattern it is mapped to.</summary>
    public ImmutableArray<TaintOrigin?> ForMinimalApiHandler(IMethodSymbol handler, string? pattern)
    {
        var templates = pattern is null ? ImmutableArray<string>.Empty : ImmutableArray.Create(pattern);
        return Describe(handler.Parameters, "request body", templates);
    }

    private bool IsController(INamedTypeSymbol type)
    {
        if (type.IsAbstract || type.IsStatic || type.DeclaredAccessibility != Accessibility.Public
            || type.HasAttributeInherited(_sources.NonControllerAttribute))
        {
            return false;
        }

        return type.IsOrInherits(_sources.ControllerBase)
            || type.HasAttributeInherited(_sources.ControllerAttribute)
            || (_sources.ControllerBase is not null && type.Name.EndsWith("Controller", StringComparison.Ordinal));
    }

    private ImmutableArray<TaintOrigin?> Describe(
        ImmutableArray<IParameterSymbol> parameters, string complexBinding, ImmutableArray<string> templates)
    {
        var origins = ImmutableArray.CreateBuilder<TaintOrigin?>(parameters.Length);
        foreach (var parameter in parameters)
        {
            if (!IsRequestData(parameter))
            {
                origins.Add(null);
                continue;
            }

            var binding = _sources.DescribeBindingAttribute(parameter)
                ?? (parameter.Type.IsOrInherits(_sources.FormFile) ? "uploaded file"
                    : IsSimple(parameter.Type) ? (InTemplate(templates, parameter.Name) ? "route" : "query")
                    : complexBinding);
            origins.Add(TaintOrigin.Source(binding + " parameter '" + parameter.Name + "'", parameter.Locations[0]));
        }

        return origins.MoveToImmutable();
    }

    /// <summary>Whether ASP.NET Core binds the parameter from the request rather than from services.</summary>
    private bool IsRequestData(IParameterSymbol parameter)
    {
        if (parameter.HasAttribute(_sources.FromServices) || parameter.HasAttribute(_sources.FromKeyedServices))
        {
            return false;
        }

        if (_sources.DescribeBindingAttribute(parameter) is not null)
        {
            return true;
        }

        var type = parameter.Type;
        if (IsSimple(type) || type.IsOrInherits(_sources.FormFile) || type.IsOrInherits(_sources.FormCollection)
            || type.IsOrInherits(_sources.FormFileCollection))
        {
            return true;
        }

        if (IsFrameworkService(type) || type.TypeKind == TypeKind.Interface || type.IsAbstract
            || type.TypeKind == TypeKind.Delegate || type.IsOrInherits(_dbContext))
        {
            return false;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsSimple(array.ElementType);
        }

        // A model is bound from the request; a service class injected by the container is not. Models expose
        // settable properties or are records; services rarely do either.
        return type is INamedTypeSymbol named && (named.IsRecord || HasSettableProperty(named));
    }

    private bool IsFrameworkService(ITypeSymbol type) =>
        type.IsOrInherits(_sources.CancellationToken) || type.IsOrInherits(_sources.HttpContext)
        || type.IsOrInherits(_sources.HttpRequest) || type.IsOrInherits(_sources.HttpResponse)
        || type.IsOrInherits(_sources.ClaimsPrincipal);

    private bool IsSimple(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_String
            || type.TypeKind == TypeKind.Enum
            || SymbolEqualityComparer.Default.Equals(type, _sources.StringValues))
        {
            return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsSimple(array.ElementType);
        }

        var name = type.ToDisplayString();
        return name is "System.Guid" or "System.DateTime" or "System.DateTimeOffset" or "System.TimeSpan"
            or "System.DateOnly" or "System.TimeOnly" or "System.Uri";
    }

    private static bool HasSettableProperty(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object;
             current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false } property
                    && property.SetMethod is { DeclaredAccessibility: Accessibility.Public })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private ImmutableArray<string> RouteTemplates(IMethodSymbol method)
    {
        var templates = ImmutableArray.CreateBuilder<string>();
        AddTemplates(method, templates);
        AddTemplates(method.ContainingType, templates);
        return templates.ToImmutable();
    }

    private void AddTemplates(ISymbol symbol, ImmutableArray<string>.Builder templates)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (!attribute.AttributeClass.IsOrInherits(_sources.RouteAttribute)
                && !attribute.AttributeClass.IsOrInherits(_sources.HttpMethodAttribute))
            {
                continue;
            }

            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Value is string template)
                {
                    templates.Add(template);
                }
            }
        }
    }

    private static bool InTemplate(ImmutableArray<string> templates, string name)
    {
        foreach (var template in templates)
        {
            var at = template.IndexOf("{" + name, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                var end = at + name.Length + 1;
                if (end < template.Length && template[end] is '}' or ':' or '?' or '=')
                {
                    return true;
                }

                at = template.IndexOf("{" + name, end, StringComparison.OrdinalIgnoreCase);
            }

            if (template.IndexOf("{*" + name, StringComparison.OrdinalIgnoreCase) >= 0
                || template.IndexOf("{**" + name, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
