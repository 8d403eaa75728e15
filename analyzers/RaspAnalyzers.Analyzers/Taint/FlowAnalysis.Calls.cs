using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>How calls move taint: sinks, request readers, summaries of the compilation's own methods, local
/// functions and lambdas analyzed in place, and library methods that pass their inputs on.</summary>
internal sealed partial class FlowAnalysis
{
    private TaintValue EvaluateInvocation(IInvocationOperation invocation, TaintState state)
    {
        var method = invocation.TargetMethod;
        if (_engine.Sources.IsMinimalApiMapMethod(method))
        {
            EvaluateMapCall(invocation, state);
            return TaintValue.Clean;
        }

        var receiver = invocation.Instance is null ? TaintValue.Clean : Evaluate(invocation.Instance, state);
        var arguments = EvaluateArgumentsByOrdinal(method, invocation.Arguments, state);
        CheckSinks(method, invocation.Arguments, arguments);

        if (_engine.Catalog.Describe(method) is { } source)
        {
            return TaintValue.FromOrigin(TaintOrigin.Source(source, invocation.Syntax.GetLocation()));
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return InlineLocalFunction(invocation, method, arguments, state);
        }

        if (_engine.HasBody(method))
        {
            return ApplySummary(invocation, method, receiver, arguments);
        }

        // A call through an interface or an abstract method may run any of the compilation's implementations.
        var implementations = _engine.Implementations.Of(method, _cancellation);
        if (!implementations.IsEmpty)
        {
            var returned = TaintValue.Clean;
            foreach (var implementation in implementations)
            {
                if (_engine.HasBody(implementation))
                {
                    returned = returned.Union(ApplySummary(invocation, implementation, receiver, arguments));
                }
            }

            return returned;
        }

        return PassThrough(invocation.Instance, invocation.Arguments, receiver, arguments, invocation, state);
    }

    private TaintValue EvaluateCreation(IObjectCreationOperation creation, TaintState state)
    {
        var taint = TaintValue.Clean;
        if (creation.Constructor is { } constructor)
        {
            var arguments = EvaluateArgumentsByOrdinal(constructor, creation.Arguments, state);
            CheckSinks(constructor, creation.Arguments, arguments);
            taint = PassThrough(null, creation.Arguments, TaintValue.Clean, arguments, creation, state);
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                // A collection initializer's Add returns nothing; what it adds goes into the new object.
                taint = taint.Union(member is IInvocationOperation add ? EvaluateArguments(add, state) : Evaluate(member, state));
            }
        }

        return taint;
    }

    private TaintValue EvaluateArguments(IInvocationOperation invocation, TaintState state)
    {
        var taint = TaintValue.Clean;
        foreach (var argument in invocation.Arguments)
        {
            taint = taint.Union(Evaluate(argument.Value, state));
        }

        return taint;
    }

    private TaintValue[] EvaluateArgumentsByOrdinal(
        IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, TaintState state)
    {
        var byOrdinal = new TaintValue[method.Parameters.Length];
        foreach (var argument in arguments)
        {
            var taint = Evaluate(argument.Value, state);
            if (argument.Parameter is { } parameter && parameter.Ordinal < byOrdinal.Length)
            {
                byOrdinal[parameter.Ordinal] = byOrdinal[parameter.Ordinal].Union(taint);
            }
        }

        return byOrdinal;
    }

    private void CheckSinks(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, TaintValue[] taints)
    {
        var sinks = _engine.Sinks.MatchMethod(method);
        foreach (var (ordinal, sink) in sinks)
        {
            if (ordinal < taints.Length && taints[ordinal].IsTainted)
            {
                var location = ArgumentSyntax(arguments, ordinal)?.GetLocation();
                if (location is not null)
                {
                    AddHit(sink, location, location, taints[ordinal], via: null);
                }
            }
        }
    }

    /// <summary>
    /// A library method without a model passes its inputs on to its result: name.Trim(), string.Join(",", names),
    /// builder.ToString(). Out arguments receive the same (TryGetValue), and a builder or collection that is
    /// given tainted data keeps it (builder.Append(name), list.Add(name)).
    /// </summary>
    private TaintValue PassThrough(
        IOperation? instance,
        ImmutableArray<IArgumentOperation> arguments,
        TaintValue receiver,
        TaintValue[] argumentTaints,
        IOperation call,
        TaintState state)
    {
        var inputs = receiver;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { RefKind: not RefKind.Out } parameter && parameter.Ordinal < argumentTaints.Length)
            {
                inputs = inputs.Union(argumentTaints[parameter.Ordinal]);
            }
        }

        if (!inputs.IsTainted)
        {
            return inputs;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
            {
                AssignTo(argument.Value, inputs, call, state);
            }
        }

        if (instance is not null && IsAccumulator(instance.Type))
        {
            AddToContainer(RootReceiver(instance), inputs.WithStep(call.Syntax.GetLocation()), state);
        }

        return inputs;
    }

    private TaintValue ApplySummary(IInvocationOperation invocation, IMethodSymbol method, TaintValue receiver, TaintValue[] arguments)
    {
        var summary = _engine.GetSummary(method, _callers, _cancellation);
        var call = invocation.Syntax.GetLocation();

        foreach (var hit in summary.ParameterSinks)
        {
            var reached = Substitute(hit.Taint, receiver, arguments, call, out var firstOrdinal);
            if (reached.IsTainted)
            {
                var report = (firstOrdinal == TaintOrigin.ReceiverOrdinal
                    ? invocation.Instance?.Syntax
                    : ArgumentSyntax(invocation.Arguments, firstOrdinal)) ?? invocation.Syntax;
                AddHit(hit.Sink, report.GetLocation(), hit.SinkLocation, reached, hit.Via ?? method.ToMemberDisplay());
            }
        }

        return Substitute(summary.Returned, receiver, arguments, call, out _);
    }

    /// <summary>
    /// Replaces a callee's parameter origins with what this call passes. Flows from sources the callee reads
    /// itself pass through unchanged, with the call as a step.
    /// </summary>
    private static TaintValue Substitute(
        TaintValue calleeTaint, TaintValue receiver, TaintValue[] arguments, Location call, out int firstOrdinal)
    {
        firstOrdinal = int.MinValue;
        var result = TaintValue.Clean;
        foreach (var flow in calleeTaint.Flows)
        {
            if (!flow.Origin.IsParameter)
            {
                result = result.Union(TaintValue.From(flow.WithStep(call)));
                continue;
            }

            var ordinal = flow.Origin.ParameterOrdinal;
            var passed = ordinal == TaintOrigin.ReceiverOrdinal ? receiver
                : ordinal < arguments.Length ? arguments[ordinal]
                : TaintValue.Clean;
            if (passed.IsTainted && firstOrdinal == int.MinValue)
            {
                firstOrdinal = ordinal;
            }

            foreach (var outer in passed.Flows)
            {
                result = result.Union(TaintValue.From(outer.WithStep(call).Continue(flow)));
            }
        }

        return result;
    }

    private TaintValue InlineLocalFunction(
        IInvocationOperation invocation, IMethodSymbol localFunction, TaintValue[] arguments, TaintState state)
    {
        if (_callers.Contains(localFunction) || _callers.Count >= TaintEngine.MaxCallDepth)
        {
            return TaintValue.Clean;
        }

        for (var graph = _cfg; graph is not null; graph = graph.Parent)
        {
            if (!graph.LocalFunctions.Contains(localFunction))
            {
                continue;
            }

            var body = graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellation);
            var initial = state.Clone();
            foreach (var parameter in localFunction.Parameters)
            {
                initial.Set(parameter, arguments[parameter.Ordinal].WithStep(invocation.Syntax.GetLocation()));
            }

            var result = Nested(body, initial, _callers.Add(localFunction)).Run();
            Merge(result);
            return result.Returned;
        }

        return TaintValue.Clean;
    }

    /// <summary>
    /// A lambda runs with what it captures; the state where it is created is the best estimate of that. A
    /// minimal-API handler's parameters are also request data.
    /// </summary>
    private void AnalyzeLambda(IFlowAnonymousFunctionOperation lambda, TaintState state, string? handlerPattern, bool isHandler)
    {
        var body = _cfg.GetAnonymousFunctionControlFlowGraph(lambda, _cancellation);
        var initial = state.Clone();
        if (isHandler && _engine.IsRemote)
        {
            var origins = _engine.EntryPoints.ForMinimalApiHandler(lambda.Symbol, handlerPattern);
            for (var i = 0; i < origins.Length; i++)
            {
                if (origins[i] is { } origin)
                {
                    initial.Set(lambda.Symbol.Parameters[i], TaintValue.FromOrigin(origin));
                }
            }
        }

        Merge(Nested(body, initial, _callers).Run());
    }

    /// <summary>app.MapGet("/patients/{id}", handler): the handler's parameters are bound from the request.</summary>
    private void EvaluateMapCall(IInvocationOperation invocation, TaintState state)
    {
        string? pattern = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && argument.Value.ConstantValue.Value is string text)
            {
                pattern = text;
            }
        }

        foreach (var argument in invocation.Arguments)
        {
            switch (UnwrapDelegate(argument.Value))
            {
                case IFlowAnonymousFunctionOperation lambda:
                    AnalyzeLambda(lambda, state, pattern, isHandler: true);
                    break;

                case IMethodReferenceOperation { Method: var handler } when _isEntry && _engine.IsRemote && _engine.HasBody(handler):
                    foreach (var hit in _engine.AnalyzeHandlerOnce(handler, pattern, _cancellation))
                    {
                        AddHit(hit.Sink, hit.ReportLocation, hit.SinkLocation, hit.Taint, hit.Via);
                    }

                    break;

                default:
                    Evaluate(argument.Value, state);
                    break;
            }
        }
    }

    private static IOperation UnwrapDelegate(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IDelegateCreationOperation creation:
                    operation = creation.Target;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private static SyntaxNode? ArgumentSyntax(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value.IsImplicit ? argument.Syntax : argument.Value.Syntax;
            }
        }

        return null;
    }

    /// <summary>builder.Append(a).Append(b): the data goes into <c>builder</c>, at the root of the chain.</summary>
    private static IOperation RootReceiver(IOperation instance)
    {
        while (instance is IInvocationOperation { Instance: { } inner } call
               && SymbolEqualityComparer.Default.Equals(call.Type, inner.Type))
        {
            instance = inner;
        }

        return instance;
    }

    private static bool IsAccumulator(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        if (type.Name == "StringBuilder" && type.ContainingNamespace?.ToDisplayString() == "System.Text")
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }
        }

        return false;
    }
}
