import { EventEmitter } from "eventemitter3";

type AnyListener = (...args: never[]) => void;

/**
 * An EventEmitter whose listeners cannot break the code that emits: a listener that throws is
 * reported to `onListenerError` and the other listeners still run. Listeners are wrapped when
 * added and found again by the function given, so `off(type, listener)` works as usual.
 *
 * @example
 * class Agent extends GuardedEmitter<AgentEventMap> { protected onListenerError(error, type) { log(error, type); } }
 */
export abstract class GuardedEmitter<Events extends EventEmitter.ValidEventTypes> extends EventEmitter<Events> {
  /** Made with the first listener: most agents never get one. */
  private guards: WeakMap<AnyListener, Map<unknown, AnyListener>> | undefined;

  /** Whether any listener is registered, for any event: without one, events need not be built. */
  protected hasListeners(): boolean {
    // eventemitter3 keeps the count of event types with listeners; eventNames() would allocate.
    return (this as unknown as { _eventsCount: number })._eventsCount > 0;
  }

  /** Called with what a listener threw and the event type it was listening to. */
  protected abstract onListenerError(error: unknown, type: unknown): void;

  override on<T extends EventEmitter.EventNames<Events>>(type: T, listener: EventEmitter.EventListener<Events, T>, context?: unknown): this {
    return super.on(type, this.guard(type, listener as AnyListener) as never, context);
  }

  override addListener<T extends EventEmitter.EventNames<Events>>(type: T, listener: EventEmitter.EventListener<Events, T>, context?: unknown): this {
    return super.addListener(type, this.guard(type, listener as AnyListener) as never, context);
  }

  override once<T extends EventEmitter.EventNames<Events>>(type: T, listener: EventEmitter.EventListener<Events, T>, context?: unknown): this {
    return super.once(type, this.guard(type, listener as AnyListener) as never, context);
  }

  override off<T extends EventEmitter.EventNames<Events>>(type: T, listener?: EventEmitter.EventListener<Events, T>, context?: unknown, once?: boolean): this {
    const guarded = listener === undefined ? undefined : this.guards?.get(listener as AnyListener)?.get(type);
    return super.off(type, (guarded ?? listener) as never, context, once);
  }

  override removeListener<T extends EventEmitter.EventNames<Events>>(type: T, listener?: EventEmitter.EventListener<Events, T>, context?: unknown, once?: boolean): this {
    return this.off(type, listener, context, once);
  }

  private guard(type: unknown, listener: AnyListener): AnyListener {
    if (typeof listener !== "function") return listener;
    const guards = (this.guards ??= new WeakMap());
    let byType = guards.get(listener);
    if (!byType) guards.set(listener, (byType = new Map()));
    let guarded = byType.get(type);
    if (!guarded) {
      const report = (error: unknown) => this.onListenerError(error, type);
      guarded = function guardedListener(this: unknown, ...args: never[]): void {
        try {
          const returned: unknown = listener.apply(this, args);
          // An async listener's rejection is reported too, never left unhandled.
          if (returned && typeof (returned as PromiseLike<unknown>).then === "function") (returned as Promise<unknown>).then(undefined, report);
        } catch (error) {
          report(error);
        }
      };
      byType.set(type, guarded);
    }
    return guarded;
  }
}
