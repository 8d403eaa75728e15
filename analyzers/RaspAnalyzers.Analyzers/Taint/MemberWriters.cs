using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// Where each field or property of the compilation is assigned: an index from member name to assignments,
/// made once per compilation by one pass over the syntax, then confirmed semantically for the member asked about.
/// </summary>
internal sealed class MemberWriters
{
    private readonly Compilation _compilation;
    private readonly Func<SyntaxTree, SemanticModel> _models;
    private Dictionary<string, List<SyntaxNode>>? _byName;

    public MemberWriters(Compilation compilation, Func<SyntaxTree, SemanticModel> models)
    {
        _compilation = compilation;
        _models = models;
    }

    /// <summary>The methods (and constructors) that assign <paramref name="member"/>.</summary>
    public ImmutableArray<IMethodSymbol> Of(ISymbol member, CancellationToken cancellation)
    {
        var index = Index(cancellation);
        if (!index.TryGetValue(member.Name, out var candidates))
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        var writers = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var left in candidates)
        {
            cancellation.ThrowIfCancellationRequested();
            var model = _models(left.SyntaxTree);
            var assigned = model.GetSymbolInfo(left, cancellation).Symbol;
            if (!SymbolEqualityComparer.Default.Equals(assigned?.OriginalDefinition, member.OriginalDefinition))
            {
                continue;
            }

            var enclosing = model.GetEnclosingSymbol(left.SpanStart, cancellation);
            while (enclosing is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                enclosing = enclosing.ContainingSymbol;
            }

            if (enclosing is IMethodSymbol method && !writers.Contains<IMethodSymbol>(method, SymbolEqualityComparer.Default))
            {
                writers.Add(method);
            }
        }

        return writers.ToImmutable();
    }

    private Dictionary<string, List<SyntaxNode>> Index(CancellationToken cancellation)
    {
        if (_byName is { } built)
        {
            return built;
        }

        var byName = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot(cancellation).DescendantNodes())
            {
                if (node is not AssignmentExpressionSyntax assignment || assignment.Parent is InitializerExpressionSyntax)
                {
                    continue;
                }

                var left = assignment.Left switch
                {
                    IdentifierNameSyntax name => name,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name,
                    MemberAccessExpressionSyntax access => access.Name,
                    _ => null,
                };

                if (left is null)
                {
                    continue;
                }

                var key = left.Identifier.ValueText;
                if (!byName.TryGetValue(key, out var list))
                {
                    byName[key] = list = new List<SyntaxNode>();
                }

                list.Add(left);
            }
        }

        Interlocked.CompareExchange(ref _byName, byName, null);
        return _byName!;
    }
}
