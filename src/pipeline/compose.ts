/** grammY-style middleware: each step does its part and calls `next` to pass the message on. */

export type Next = () => Promise<void>;
export type Middleware<C> = (ctx: C, next: Next) => Promise<void>;

export function compose<C>(steps: Middleware<C>[]): (ctx: C) => Promise<void> {
  return (ctx) => {
    const dispatch = async (i: number): Promise<void> => {
      const step = steps[i];
      if (step) await step(ctx, () => dispatch(i + 1));
    };
    return dispatch(0);
  };
}
