namespace WitSharp;

/// <summary>Why guest code trapped. Members, names and order follow wasmtime-dotnet 50's <c>TrapCode</c> so
/// programs move over unchanged (source compatibility). WitSharp raises only the codes its feature set can produce;
/// the others exist so that code naming them compiles.</summary>
public enum TrapCode
{
    /// <summary>The trap has no associated trap code.</summary>
    Undefined,
    /// <summary>The trap was the result of exhausting the available stack space.</summary>
    StackOverflow,
    /// <summary>The trap was the result of an out-of-bounds memory access.</summary>
    MemoryOutOfBounds,
    /// <summary>The trap was the result of a wasm atomic operation that was presented with a misaligned linear-memory address.</summary>
    HeapMisaligned,
    /// <summary>The trap was the result of an out-of-bounds access to a table.</summary>
    TableOutOfBounds,
    /// <summary>The trap was the result of an indirect call to a null table entry.</summary>
    IndirectCallToNull,
    /// <summary>The trap was the result of a signature mismatch on indirect call.</summary>
    BadSignature,
    /// <summary>The trap was the result of an integer arithmetic operation that overflowed.</summary>
    IntegerOverflow,
    /// <summary>The trap was the result of an integer division by zero.</summary>
    IntegerDivisionByZero,
    /// <summary>The trap was the result of a failed float-to-int conversion.</summary>
    BadConversionToInteger,
    /// <summary>The trap was the result of executing the unreachable instruction.</summary>
    Unreachable,
    /// <summary>The trap was the result of interrupting execution.</summary>
    Interrupt,
    /// <summary>The trap was the result of running out of the configured fuel amount.</summary>
    OutOfFuel,
    /// <summary>The trap was the result of atomic wait operations on non-shared memory.</summary>
    AtomicWaitNonSharedMemory,
    /// <summary>The trap was the result of a call to a null reference.</summary>
    NullReference,
    /// <summary>The trap was the result of an attempt to access beyond the bounds of an array.</summary>
    ArrayOutOfBounds,
    /// <summary>The trap was the result of an allocation that was too large to succeed.</summary>
    AllocationTooLarge,
    /// <summary>The trap was the result of an attempt to cast a reference to a type that it is not an instance of.</summary>
    CastFailure,
    /// <summary>The trap was the result of a component calling another component that would have violated the reentrance rules.</summary>
    CannotEnterComponent,
    /// <summary>The trap was the result of an async-lifted export failing to return a valid async result.</summary>
    NoAsyncResult,
    /// <summary>The trap was the result of suspending to a tag for which there is no active handler.</summary>
    UnhandledTag,
    /// <summary>The trap was the result of an attempt to resume a continuation twice.</summary>
    ContinuationAlreadyConsumed,
    /// <summary>The trap was the result of a Pulley opcode executed at runtime when the opcode was disabled at compile time.</summary>
    DisabledOpCode,
    /// <summary>The trap was the result of an async event loop deadlocking; i.e. it cannot make further progress given that all host tasks have completed and any/all host-owned stream/future handles have been dropped.</summary>
    AsyncDeadlock,
    /// <summary>When the component-model feature is enabled this trap was the result of a scenario where a component instance tried to call an import or intrinsic when it wasn't allowed to, e.g. from a post-return function.</summary>
    CannotLeaveComponent,
    /// <summary>The trap was the result of a synchronous task attempted to make a potentially blocking call prior to returning.</summary>
    CannotBlockSyncTask,
    /// <summary>The trap was the result of a component trying to lift a char with an invalid bit pattern.</summary>
    InvalidChar,
    /// <summary>The trap was the result of a debug assertion generated for a fused adapter regarding the expected completion of a string encoding operation.</summary>
    DebugAssertStringEncodingFinished,
    /// <summary>The trap was the result of a debug assertion generated for a fused adapter regarding a string encoding operation.</summary>
    DebugAssertEqualCodeUnits,
    /// <summary>The trap was the result of a debug assertion generated for a fused adapter regarding the alignment of a pointer.</summary>
    DebugAssertPointerAligned,
    /// <summary>The trap was the result of a debug assertion generated for a fused adapter regarding the upper bits of a 64-bit value.</summary>
    DebugAssertUpperBitsUnset,
    /// <summary>The trap was the result of a component trying to lift or lower a string past the end of its memory.</summary>
    StringOutOfBounds,
    /// <summary>The trap was the result of a component tryping to lift or lower a list past the end of its memory.</summary>
    ListOutOfBounds,
    /// <summary>The trap was the result of a component using an invalid discriminant when lowering a variant value.</summary>
    InvalidDiscriminant,
    /// <summary>The trap was the result of a component passing an unaligned pointer when lifting or lowering a value.</summary>
    UnalignedPointer,
    /// <summary>The trap was the result of <c>task.cancel</c> being invoked in an invalid way.</summary>
    TaskCancelNotCancelled,
    /// <summary>The trap was the result of <c>task.cancel</c> or <c>task.return</c> being called too many times</summary>
    TaskCancelOrReturnTwice,
    /// <summary>The trap was the result of <c>subtask.cancel</c> being invoked after it already finished.</summary>
    SubtaskCancelAfterTerminal,
    /// <summary>The trap was the result of <c>task.return</c> being invoked with an invalid type.</summary>
    TaskReturnInvalid,
    /// <summary>The trap was the result of <c>waitable-set.drop</c> being invoked on a waitable set with waiters.</summary>
    WaitableSetDropHasWaiters,
    /// <summary>The trap was the result of <c>subtask.drop</c> being invoked on a subtask that hasn't resolved yet.</summary>
    SubtaskDropNotResolved,
    /// <summary>The trap was the result of <c>thread.new-indirect</c> being invoked with a function that has an invalid type.</summary>
    ThreadNewIndirectInvalidType,
    /// <summary>The trap was the result of <c>thread.new-indirect</c> being invoked with an uninitialized function reference.</summary>
    ThreadNewIndirectUninitialized,
    /// <summary>The trap was the result of backpressure-related intrinsics overflowing the built-in counter.</summary>
    BackpressureOverflow,
    /// <summary>The trap was the result of an invalid code being returned from the callback of an async-lifted function.</summary>
    UnsupportedCallbackCode,
    /// <summary>The trap was the result of trying to resume a thread which is not suspended.</summary>
    CannotResumeThread,
    /// <summary>The trap was the result of a read/write being issued on a future/stream while there is a pending operation already.</summary>
    ConcurrentFutureStreamOp,
    /// <summary>A reference count (for e.g. an error-context) overflowed.</summary>
    ReferenceCountOverflow,
    /// <summary>A read/write on a stream must be &lt; 2**28 items.</summary>
    StreamOpTooBig,
    /// <summary>The guest either attempted to add a waitable to a waitable set while it was being used in a synchronous operation or tried to use it in a synchronous operation while it was added to a waitable set.</summary>
    WaitableSyncAndAsync,
    /// <summary>An exception propagated out of a component without being caught.</summary>
    UncaughtException,
    /// <summary>Guest attempted to read from a stream after being notified that the writable end was dropped.</summary>
    ReadFromDroppedStream,
    /// <summary>Guest attempted to write to a stream after being notified that the readable end was dropped.</summary>
    WriteToDroppedStream,
    /// <summary>Guest attempted to write to a future after being notified that the readable end was dropped.</summary>
    WriteToDroppedFuture,
    /// <summary>Guest attempted to lift a stream after being notified that the writable end was dropped.</summary>
    LiftDroppedStream,
}
