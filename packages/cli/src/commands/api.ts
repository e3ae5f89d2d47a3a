import { readFile } from 'node:fs/promises';
import { type ParsedArgs, parseArgs, stringFlag, UsageError } from '../args';
import { type CliCommand, fail } from '../command';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof methods)[number];
const options = ['data', 'url', 'token'];
const defaultUrl = 'http://localhost:3000';

/** One request, as the command line describes it. */
interface ApiRequest {
  method: Method;
  url: URL;
  token: string;
  body: string | undefined;
}

/**
 * `tandem api METHOD PATH [--data JSON | --data @file.json]`: sends one request to a running Tandem server with an API
 * token and prints the JSON reply, so scripts can use the whole HTTP API.
 * @example TANDEM_TOKEN=tdm_… tandem api POST /api/workspaces --data '{"name":"Acme"}'
 */
export const apiCommand: CliCommand = {
  name: 'api',
  summary: 'Send a request to a running Tandem server with an API token and print the JSON reply',
  usage:
    'tandem api METHOD PATH [--data JSON | --data @file.json] [--url URL] [--token TOKEN]\n' +
    `  METHOD is ${methods.join(', ')}; PATH is an API path such as /api/workspaces.\n` +
    `  --url defaults to TANDEM_URL, else ${defaultUrl}; --token to TANDEM_TOKEN (create one on the Account page).\n` +
    '  Prints the reply on standard output; an error reply is printed on standard error and exits with 1.',
  async run(args) {
    const request = await readRequest(parseArgs(args));
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${request.token}`,
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(request.body === undefined ? {} : { body: request.body }),
      });
    } catch (error) {
      return fail(`Cannot reach Tandem at ${request.url.origin}: ${reasonOf(error)}`);
    }
    const text = await response.text();
    if (!response.ok) return fail(describeError(response, text));
    if (text !== '') process.stdout.write(`${prettyJson(text)}\n`);
    return 0;
  },
};

async function readRequest(parsed: ParsedArgs): Promise<ApiRequest> {
  const unknown = [...parsed.flags.keys()].find((name) => !options.includes(name));
  if (unknown !== undefined) throw new UsageError(`Unknown option --${unknown}.`);
  const [methodText, path, ...extra] = parsed.positional;
  if (methodText === undefined || path === undefined) throw new UsageError('Name the METHOD and the PATH.');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  const method = methods.find((candidate) => candidate === methodText.toUpperCase());
  if (method === undefined) {
    throw new UsageError(`Unknown method "${methodText}": use one of ${methods.join(', ')}.`);
  }
  if (!path.startsWith('/'))
    throw new UsageError(`PATH must start with /, as in /api/workspaces, not "${path}".`);
  const token = stringFlag(parsed, 'token') ?? process.env.TANDEM_TOKEN;
  if (token === undefined || token === '') {
    throw new UsageError('No API token: pass --token or set TANDEM_TOKEN (create one on the Account page).');
  }
  const body = await readData(stringFlag(parsed, 'data'));
  if (body !== undefined && method === 'GET')
    throw new UsageError('--data goes with POST, PUT, PATCH or DELETE, not GET.');
  return {
    method,
    url: serverUrl(stringFlag(parsed, 'url') ?? process.env.TANDEM_URL ?? defaultUrl, path),
    token,
    body,
  };
}

/** The body: the JSON given, or the contents of `@file`; checked here so a typo fails before anything is sent. */
async function readData(data: string | undefined): Promise<string | undefined> {
  if (data === undefined) return undefined;
  let text = data;
  let source = '--data';
  if (data.startsWith('@')) {
    source = `--data file ${data.slice(1)}`;
    try {
      text = await readFile(data.slice(1), 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read ${source}: ${reasonOf(error)}.`);
    }
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return text;
}

function serverUrl(base: string, path: string): URL {
  let origin: URL;
  try {
    origin = new URL(base);
  } catch {
    throw new UsageError(`The server URL "${base}" is not a URL (use --url http://host:port or TANDEM_URL).`);
  }
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') {
    throw new UsageError(`The server URL "${base}" must start with http:// or https://.`);
  }
  // Keeps a base path (a server behind a proxy at /tandem/) and puts PATH after it.
  return new URL(`${origin.pathname.replace(/\/+$/, '')}${path}`, origin);
}

/** The API's `{ code, message, field }` when the reply is one of its errors, else the status and the text. */
function describeError(response: Response, text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string' && typeof body.error.message === 'string') {
      return JSON.stringify(body.error, null, 2);
    }
  } catch {
    // Not the API's JSON (a proxy's error page, say): the status line and the text say what happened.
  }
  const snippet = text.trim().slice(0, 500);
  return `HTTP ${response.status} ${response.statusText}${snippet === '' ? '' : `\n${snippet}`}`;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The reason under a failed fetch or file read (fetch hides it in `cause`). */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error && 'code' in cause && cause.code === 'ENOENT') return 'no such file';
  return cause instanceof Error ? cause.message : String(cause);
}
