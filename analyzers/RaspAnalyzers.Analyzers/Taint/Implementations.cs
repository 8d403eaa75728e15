using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// The compilation's own implementations of an interface or abstract method, so that a call through
/// IPatientRepository is followed into PatientRepository. The list of source types is made once per compilation,
/// on the first call that needs it.
/// </summary>
internal sealed class Implementations
{
    /// <summary>An interface with more implementations than this is a plug-in point; the first ones are followed.</summary>
    public const int MaxPerCall = 4;

    private readonly Compilation _compilation;
    private ImmutableArray<INamedTypeSymbol> _sourceTypes;

    public Implementations(Compilation compilation) => _compilation = compilation;

    public ImmutableArray<IMethodSymbol> Of(IMethodSymbol method, CancellationToken cancellation)
    {
        var declaring = method.ContainingType;
        var isInterface = declaring.TypeKind == TypeKind.Interface;
        if (!isInterface && !method.IsAbstract && !method.IsVirtual)
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var type in SourceTypes(cancellation))
        {
            if (found.Count >= MaxPerCall)
            {
                break;
            }

            var implementation = isInterface ? ImplementationOf(type, method) : OverrideOf(type, method);
            if (implementation is not null && !implementation.IsAbstract)
            {
                found.Add(implementation);
            }
        }

        return found.ToImmutable();
    }

    private static IMethodSymbol? ImplementationOf(INamedTypeSymbol type, IMethodSymbol interfaceMethod)
    {
        if (type.TypeKind == TypeKind.Interface)
        {
            return null;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceMethod.ContainingType.OriginalDefinition))
            {
                continue;
            }

            foreach (var member in implemented.GetMembers(interfaceMethod.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, interfaceMethod.OriginalDefinition))
                {
                    return type.FindImplementationForInterfaceMember(member) as IMethodSymbol;
                }
            }
        }

        return null;
    }

    private static IMethodSymbol? OverrideOf(INamedTypeSymbol type, IMethodSymbol baseMethod)
    {
        foreach (var member in type.GetMembers(baseMethod.Name))
        {
            for (var overridden = (member as IMethodSymbol)?.OverriddenMethod;
                overridden is not null;
                overridden = overridden.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, baseMethod.OriginalDefinition))
                {
                    return (IMethodSymbol)member;
                }
            }
        }

        return null;
    }

    private ImmutableArray<INamedTypeSymbol> SourceTypes(CancellationToken cancellation)
    {
        if (_sourceTypes.IsDefault)
        {
            var types = new List<INamedTypeSymbol>();
            Collect(_compilation.Assembly.GlobalNamespace, types, cancellation);
            ImmutableInterlocked.InterlockedInitialize(ref _sourceTypes, types.ToImmutableArray());
        }

        return _sourceTypes;
    }

    private static void Collect(INamespaceOrTypeSymbol container, List<INamedTypeSymbol> types, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                Collect(ns, types, cancellation);
            }
            else if (member is INamedTypeSymbol type)
            {
                if (type.TypeKind is TypeKind.Class or TypeKind.Struct)
                {
                    types.Add(type);
                }

                Collect(type, types, cancellation);
            }
        }
    }
}
