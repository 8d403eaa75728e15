using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// Conditions whose value is known without running the code: a constant, a <c>static readonly</c> flag set once
/// from a literal, or a private field that nothing writes after its initializer. A branch that cannot be taken
/// is pruned, so a debug-only path behind <c>if (EnableRawSql)</c> that is never switched on is not reported.
/// </summary>
internal sealed class ConstantConditions
{
    private readonly MemberWriters _writers;
    private readonly ConcurrentDictionary<IFieldSymbol, bool?> _fields = new(SymbolEqualityComparer.Default);

    public ConstantConditions(MemberWriters writers) => _writers = writers;

    /// <summary>The condition's value when it is known, or null.</summary>
    public bool? Evaluate(IOperation? condition, CancellationToken cancellation)
    {
        switch (condition)
        {
            case null:
                return null;
            case { ConstantValue: { HasValue: true, Value: bool constant } }:
                return constant;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return !Evaluate(not.Operand, cancellation);
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, cancellation);
            case IFieldReferenceOperation field:
                return _fields.GetOrAdd(field.Field.OriginalDefinition, f => FieldValue(f, cancellation));
            default:
                return null;
        }
    }

    private bool? FieldValue(IFieldSymbol field, CancellationToken cancellation)
    {
        if (field.Type.SpecialType != SpecialType.System_Boolean || !TaintEngine.IsSourceMember(field)
            || !(field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private)
            || field.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        if (field.DeclaringSyntaxReferences[0].GetSyntax(cancellation) is not VariableDeclaratorSyntax
            {
                Initializer.Value: LiteralExpressionSyntax literal,
            }
            || literal.Token.Value is not bool value)
        {
            return null;
        }

        // Written anywhere after its initializer (a constructor, a setter) means its value is not known.
        return _writers.Of(field, cancellation).IsEmpty ? value : null;
    }
}
