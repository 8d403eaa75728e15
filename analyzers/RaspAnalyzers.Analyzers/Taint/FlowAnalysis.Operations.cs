using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>How each kind of operation moves taint.</summary>
internal sealed partial class FlowAnalysis
{
    private TaintValue Evaluate(IOperation operation, TaintState state)
    {
        if (!_budget.TrySpend() || operation.ConstantValue.HasValue)
        {
            return TaintValue.Clean;
        }

        var taint = EvaluateCore(operation, state);

        // A value whose type cannot carry an injection is clean however it was computed: int.Parse(name) is safe.
        return taint.IsTainted && _engine.Sanitizing.Contains(operation.Type) ? TaintValue.Clean : taint;
    }

    private TaintValue EvaluateCore(IOperation operation, TaintState state)
    {
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return state.Get(local.Local);

            case IParameterReferenceOperation parameter:
                return state.Get(parameter.Parameter);

            case IFlowCaptureReferenceOperation captureReference:
                return state.Get(TaintState.KeyOf(captureReference.Id));

            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return state.Get(TaintState.Receiver);

            case IFlowCaptureOperation capture:
            {
                var key = TaintState.KeyOf(capture.Id);
                state.Set(key, Evaluate(capture.Value, state));

                // The CFG captures an assignment's receiver before evaluating a conditional right-hand side;
                // x.Member through that capture is x.Member.
                if (capture.Value is IPropertyReferenceOperation or IFieldReferenceOperation or IArrayElementReferenceOperation)
                {
                    _capturedTargets[capture.Id] = capture.Value;
                }
                else
                {
                    _capturedTargets.Remove(capture.Id);
                }

                if (Variable(capture.Value) is { } source)
                {
                    _aliases[capture.Id] = source;
                }
                else
                {
                    _aliases.Remove(capture.Id);
                    if (KeyOf(capture.Value) is { } copied)
                    {
                        state.CopyMembers(copied, key);
                    }
                }

                return TaintValue.Clean;
            }

            case IExpressionStatementOperation statement:
                Evaluate(statement.Operation, state);
                return TaintValue.Clean;

            case ISimpleAssignmentOperation assignment:
            {
                var value = Evaluate(assignment.Value, state);
                AssignTo(assignment.Target, value, assignment, state);
                return value;
            }

            case ICompoundAssignmentOperation compound:
            {
                var value = Evaluate(compound.Target, state).Union(Evaluate(compound.Value, state));
                AssignTo(compound.Target, value, compound, state);
                return value;
            }

            case ICoalesceAssignmentOperation coalesceAssignment:
            {
                var value = Evaluate(coalesceAssignment.Target, state).Union(Evaluate(coalesceAssignment.Value, state));
                AssignTo(coalesceAssignment.Target, value, coalesceAssignment, state);
                return value;
            }

            case IDeconstructionAssignmentOperation deconstruction:
            {
                var value = Evaluate(deconstruction.Value, state);
                AssignTo(deconstruction.Target, value, deconstruction, state);
                return value;
            }

            case IBinaryOperation binary:
                return Evaluate(binary.LeftOperand, state).Union(Evaluate(binary.RightOperand, state));

            case IInterpolatedStringAppendOperation append:
                return append.AppendCall is IInvocationOperation appendCall
                    ? EvaluateArguments(appendCall, state)
                    : Evaluate(append.AppendCall, state);

            case IInvocationOperation invocation:
                return EvaluateInvocation(invocation, state);

            case IObjectCreationOperation creation:
                return EvaluateCreation(creation, state);

            case IPropertyReferenceOperation property:
                return EvaluatePropertyRead(property, state);

            case IFieldReferenceOperation field:
                return ReadMember(
                    field.Instance,
                    field.Instance is null ? TaintValue.Clean : Evaluate(field.Instance, state),
                    field.Field,
                    state)
                    .Union(MemberTaint(field.Field, field.Syntax.GetLocation()));

            case IArrayElementReferenceOperation element:
                foreach (var index in element.Indices)
                {
                    Evaluate(index, state);
                }

                return Evaluate(element.ArrayReference, state);

            case IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda }:
                AnalyzeLambda(lambda, state, handlerPattern: null, isHandler: false);
                return TaintValue.Clean;

            case IFlowAnonymousFunctionOperation lambda:
                AnalyzeLambda(lambda, state, handlerPattern: null, isHandler: false);
                return TaintValue.Clean;

            case IIsPatternOperation isPattern:
            {
                var value = Evaluate(isPattern.Value, state);
                if (isPattern.Pattern is IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared })
                {
                    state.Set(declared, value);
                }

                return TaintValue.Clean;
            }

            case ILiteralOperation:
            case IDefaultValueOperation:
            case ITypeOfOperation:
            case ISizeOfOperation:
            case IInstanceReferenceOperation:
            case IMethodReferenceOperation:
            case IEventReferenceOperation:
            case ICaughtExceptionOperation:
            case IIsTypeOperation:
            case IIsNullOperation:
            case IStaticLocalInitializationSemaphoreOperation:
                return TaintValue.Clean;

            default:
                // Conversions, interpolations, awaits, tuples, array and collection initializers, conditionals:
                // the value carries whatever its parts carry.
                var taint = TaintValue.Clean;
                foreach (var child in operation.ChildOperations)
                {
                    taint = taint.Union(Evaluate(child, state));
                }

                return taint;
        }
    }

    private void AssignTo(IOperation target, TaintValue value, IOperation assignment, TaintState state)
    {
        // An implicit assignment, such as a foreach variable's, has no syntax of its own; its variable is clearer.
        var step = assignment.IsImplicit && target is ILocalReferenceOperation { Local.Locations.Length: > 0 } declared
            ? declared.Local.Locations[0]
            : assignment.Syntax.GetLocation();
        var stepped = value.WithStep(step);

        // x.P = c ? a : b is lowered with x.P captured first; the assignment goes to the captured member.
        if (target is IFlowCaptureReferenceOperation captured && _capturedTargets.TryGetValue(captured.Id, out var member))
        {
            target = member;
        }

        switch (target)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation or IFlowCaptureReferenceOperation:
                var key = Variable(target) ?? TaintState.KeyOf(((IFlowCaptureReferenceOperation)target).Id);
                state.Set(key, stepped);
                if (assignment is ISimpleAssignmentOperation { Value: var assigned } && KeyOf(assigned) is { } source)
                {
                    state.CopyMembers(source, key);
                }

                break;

            case IPropertyReferenceOperation property:
                EvaluateReceiverAndArguments(property, state);
                if (value.IsTainted && _engine.Sinks.MatchSetter(property.Property) is { } sink)
                {
                    var location = ValueSyntax(assignment).GetLocation();
                    AddHit(sink, location, location, value, via: null);
                }

                StoreMember(property.Instance, property.Property, stepped, state);
                RecordMemberWrite(property.Property.OriginalDefinition, stepped);
                break;

            case IFieldReferenceOperation field:
                if (field.Instance is not null)
                {
                    Evaluate(field.Instance, state);
                }

                StoreMember(field.Instance, field.Field, stepped, state);
                RecordMemberWrite(field.Field.OriginalDefinition, stepped);
                break;

            case IArrayElementReferenceOperation element:
                foreach (var index in element.Indices)
                {
                    Evaluate(index, state);
                }

                AddToContainer(element.ArrayReference, stepped, state);
                break;

            case ITupleOperation tuple:
                foreach (var part in tuple.Elements)
                {
                    AssignTo(part, value, assignment, state);
                }

                break;

            case IDeclarationExpressionOperation declaration:
                AssignTo(declaration.Expression, value, assignment, state);
                break;
        }
    }

    /// <summary>
    /// Data stored into a member or element of a local makes the local tainted: the object now carries it.
    /// Members are not told apart, which over-approximates an object that mixes clean and tainted members.
    /// </summary>
    private static void AddToContainer(IOperation? container, TaintValue value, TaintState state)
    {
        switch (container)
        {
            case ILocalReferenceOperation local:
                state.Add(local.Local, value);
                break;
            case IParameterReferenceOperation parameter:
                state.Add(parameter.Parameter, value);
                break;
            case IFlowCaptureReferenceOperation capture:
                state.Add(TaintState.KeyOf(capture.Id), value);
                break;
        }
    }

    /// <summary>
    /// <c>order.Shipment = value</c>: what the member now holds is known exactly, and the object as a whole
    /// carries it too. Deeper paths (<c>order.Shipment.Tracking = value</c>) fall on the first member and the root.
    /// </summary>
    private void StoreMember(IOperation? instance, ISymbol member, TaintValue value, TaintState state)
    {
        if (KeyOf(instance) is { } key)
        {
            state.SetMember(key, member, value);
            if (key != TaintState.Receiver)
            {
                state.Add(key, value);
            }

            return;
        }

        var first = member;
        while (instance is IMemberReferenceOperation { Instance: var inner } reference)
        {
            first = reference.Member;
            instance = inner;
            if (KeyOf(instance) is { } root)
            {
                if (state.TryGetMember(root, first, out var stored))
                {
                    state.SetMember(root, first, stored.Union(value));
                }

                if (root != TaintState.Receiver)
                {
                    state.Add(root, value);
                }

                return;
            }
        }
    }

    /// <summary>
    /// <c>x.Member</c>: what was stored in it when known; otherwise the object's taint, with symbolic origins
    /// narrowed to the member so that a caller can substitute what it stored there.
    /// </summary>
    private TaintValue ReadMember(IOperation? instance, TaintValue instanceTaint, ISymbol member, TaintState state)
    {
        if (KeyOf(instance) is not { } key)
        {
            return instanceTaint;
        }

        return state.TryGetMember(key, member, out var stored) ? stored : instanceTaint.ThroughMember(member);
    }

    /// <summary>
    /// The state key whose members an operation names: a variable, the receiver, or a flow capture (the variable
    /// it captured, when it captured one). Null for any other operation.
    /// </summary>
    private object? KeyOf(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is IFlowCaptureReferenceOperation capture)
        {
            return _aliases.TryGetValue(capture.Id, out var variable) ? variable : TaintState.KeyOf(capture.Id);
        }

        return Variable(operation);
    }

    private static object? Variable(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => TaintState.Receiver,
        _ => null,
    };

    private void EvaluateReceiverAndArguments(IPropertyReferenceOperation property, TaintState state)
    {
        if (property.Instance is not null)
        {
            Evaluate(property.Instance, state);
        }

        foreach (var argument in property.Arguments)
        {
            Evaluate(argument.Value, state);
        }
    }

    private TaintValue EvaluatePropertyRead(IPropertyReferenceOperation property, TaintState state)
    {
        var instance = property.Instance is null ? TaintValue.Clean : Evaluate(property.Instance, state);
        foreach (var argument in property.Arguments)
        {
            Evaluate(argument.Value, state);
        }

        var location = property.Syntax.GetLocation();
        if (_engine.Catalog.Describe(property.Property) is { } source)
        {
            return TaintValue.FromOrigin(TaintOrigin.Source(source, location));
        }

        // Request.Query["name"] names its key, which tells a reader more than "the request query string".
        if (property.Property.IsIndexer
            && property.Instance is IPropertyReferenceOperation collection
            && _engine.Sources.IsRequestMember(collection.Property)
            && _engine.Catalog.Describe(collection.Property) is not null
            && property.Arguments.Length == 1
            && property.Arguments[0].Value.ConstantValue.Value is string key
            && RemoteSources.DescribeRequestItem(collection.Property, key) is { } item)
        {
            return TaintValue.FromOrigin(TaintOrigin.Source(item, location));
        }

        if (property.Instance is IInstanceReferenceOperation && _engine.IsRemote
            && _engine.DescribeBoundProperty(property.Property) is { } bound)
        {
            return TaintValue.FromOrigin(TaintOrigin.Source(bound, location));
        }

        return ReadMember(property.Instance, instance, property.Property, state).Union(MemberTaint(property.Property, location));
    }

    private static SyntaxNode ValueSyntax(IOperation assignment) =>
        assignment is IAssignmentOperation { Value: { } value } ? value.Syntax : assignment.Syntax;
}
