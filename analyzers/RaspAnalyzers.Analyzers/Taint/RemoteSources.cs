using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// The <c>remote</c> threat model: everything a client sends. Members of ASP.NET Core's request that hand out
/// request data, and the attributes and base types that make a method's parameters request data.
/// </summary>
internal sealed class RemoteSources
{
    private static readonly Dictionary<string, string> CollectionNouns = new(StringComparer.Ordinal)
    {
        ["Query"] = "query string value",
        ["Form"] = "form field",
        ["Headers"] = "header",
        ["Cookies"] = "cookie",
        ["RouteValues"] = "route value",
    };

    private RemoteSources(Compilation compilation)
    {
        HttpRequest = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpRequest");
        ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
        ControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        NonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        ApiControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
        PageModel = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        Hub = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.Hub");
        FromServices = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.FromServicesAttribute");
        FromKeyedServices = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute");
        FromQuery = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.FromQueryAttribute");
        FromRoute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.FromRouteAttribute");
        FromBody = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.FromBodyAttribute");
        FromForm = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.FromFormAttribute");
        FromHeader = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.FromHeaderAttribute");
        AsParameters = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.AsParametersAttribute");
        BindProperty = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.BindPropertyAttribute");
        EndpointRouteBuilderExtensions =
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        RouteAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RouteAttribute");
        HttpMethodAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        HttpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
        HttpResponse = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponse");
        ClaimsPrincipal = compilation.GetTypeByMetadataName("System.Security.Claims.ClaimsPrincipal");
        StringValues = compilation.GetTypeByMetadataName("Microsoft.Extensions.Primitives.StringValues");
        FormFile = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IFormFile");
        FormCollection = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IFormCollection");
        FormFileCollection = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IFormFileCollection");
    }

    public INamedTypeSymbol? HttpRequest { get; }
    public INamedTypeSymbol? ControllerBase { get; }
    public INamedTypeSymbol? ControllerAttribute { get; }
    public INamedTypeSymbol? NonControllerAttribute { get; }
    public INamedTypeSymbol? NonActionAttribute { get; }
    public INamedTypeSymbol? ApiControllerAttribute { get; }
    public INamedTypeSymbol? PageModel { get; }
    public INamedTypeSymbol? Hub { get; }
    public INamedTypeSymbol? FromServices { get; }
    public INamedTypeSymbol? FromKeyedServices { get; }
    public INamedTypeSymbol? FromQuery { get; }
    public INamedTypeSymbol? FromRoute { get; }
    public INamedTypeSymbol? FromBody { get; }
    public INamedTypeSymbol? FromForm { get; }
    public INamedTypeSymbol? FromHeader { get; }
    public INamedTypeSymbol? AsParameters { get; }
    public INamedTypeSymbol? BindProperty { get; }
    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }
    public INamedTypeSymbol? RouteAttribute { get; }
    public INamedTypeSymbol? HttpMethodAttribute { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? HttpContext { get; }
    public INamedTypeSymbol? HttpResponse { get; }
    public INamedTypeSymbol? ClaimsPrincipal { get; }
    public INamedTypeSymbol? StringValues { get; }
    public INamedTypeSymbol? FormFile { get; }
    public INamedTypeSymbol? FormCollection { get; }
    public INamedTypeSymbol? FormFileCollection { get; }

    /// <summary>Whether the compilation can receive a request at all; without ASP.NET Core there is no source.</summary>
    public bool IsPresent => HttpRequest is not null || ControllerBase is not null || Hub is not null;

    public static RemoteSources Create(Compilation compilation) => new(compilation);

    /// <summary>Whether <paramref name="property"/> is a member of ASP.NET Core's request.</summary>
    public bool IsRequestMember(IPropertySymbol property) => !property.IsStatic && property.ContainingType.IsOrInherits(HttpRequest);

    /// <summary>"query string value 'name'" for <c>Request.Query["name"]</c>.</summary>
    public static string? DescribeRequestItem(IPropertySymbol collection, string key) =>
        CollectionNouns.TryGetValue(collection.Name, out var noun) ? noun + " '" + key + "'" : null;

    /// <summary>A property of a controller or page bound from the request by [BindProperty] or [FromQuery].</summary>
    public string? DescribeBoundProperty(IPropertySymbol property)
    {
        if (property.IsStatic)
        {
            return null;
        }

        var binding = DescribeBindingAttribute(property);
        if (binding is not null)
        {
            return binding + " property '" + property.Name + "'";
        }

        return property.HasAttribute(BindProperty) || property.ContainingType.HasAttributeInherited(BindProperty)
            ? "bound property '" + property.Name + "'"
            : null;
    }

    /// <summary>"query", "route", "request body", "form", "header" from a binding attribute, if any.</summary>
    public string? DescribeBindingAttribute(ISymbol symbol)
    {
        if (symbol.HasAttribute(FromQuery))
        {
            return "query";
        }

        if (symbol.HasAttribute(FromRoute))
        {
            return "route";
        }

        if (symbol.HasAttribute(FromBody))
        {
            return "request body";
        }

        if (symbol.HasAttribute(FromForm))
        {
            return "form";
        }

        if (symbol.HasAttribute(FromHeader))
        {
            return "header";
        }

        return symbol.HasAttribute(AsParameters) ? "request" : null;
    }

    public bool IsMinimalApiMapMethod(IMethodSymbol method) =>
        method.IsStatic
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, EndpointRouteBuilderExtensions)
        && method.Name.StartsWith("Map", StringComparison.Ordinal);
}
