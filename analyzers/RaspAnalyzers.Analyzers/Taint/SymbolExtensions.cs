using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

internal static class SymbolExtensions
{
    /// <summary>Whether <paramref name="type"/> is <paramref name="target"/>, derives from it or implements it.</summary>
    public static bool IsOrInherits(this ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null)
        {
            return false;
        }

        var wanted = target.OriginalDefinition;
        if (wanted.TypeKind == TypeKind.Interface)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, wanted))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, wanted))
                {
                    return true;
                }
            }

            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, wanted))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasAttribute(this ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass.IsOrInherits(attributeType))
            {
                return true;
            }
        }

        return false;
    }

    public static AttributeData? FindAttribute(this ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass.IsOrInherits(attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Whether a type carries the attribute itself or on one of its base types.</summary>
    public static bool HasAttributeInherited(this INamedTypeSymbol type, INamedTypeSymbol? attributeType)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.HasAttribute(attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"SqliteCommand.CommandText", the way a message names a member.</summary>
    public static string ToMemberDisplay(this ISymbol member)
    {
        var name = member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? "new " + member.ContainingType.Name
            : member.ContainingType is null ? member.Name
            : member.ContainingType.Name + "." + member.Name;
        return name;
    }
}
