// ConvNetJS ships no types; the bench page describes the little it uses.
declare module 'convnetjs' {
  const convnetjs: unknown;
  export default convnetjs;
}
