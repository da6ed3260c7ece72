#!/usr/bin/env python3
# bench/jfr_components.py FILE.jfr: attributes each request-thread sample to the innermost component marker on its stack
# (the component a sample is spent in, exclusive of the components it calls: what each layer of the
# request path costs by itself). JFR names the jfr tool (default: the one on PATH).
import collections, json, os, subprocess, sys
MARKERS = [
 ('tomcat', 'org.apache.coyote.http11.Http11Processor.service'),
 ('csp filter', 'io.prax.platform.ContentSecurityPolicyFilter.doFilterInternal'),
 ('body limit filter', 'io.prax.platform.RequestBodyLimitFilter.doFilterInternal'),
 ('http observation', 'org.springframework.web.filter.ServerHttpObservationFilter.doFilterInternal'),
 ('security chain', 'org.springframework.security.web.FilterChainProxy.doFilter'),
 ('cors', 'org.springframework.web.filter.CorsFilter.doFilterInternal'),
 ('session auth filter', 'io.prax.session.SessionAuthenticationFilter.doFilterInternal'),
 ('rate limit filter', 'io.prax.platform.RateLimitFilter.doFilterInternal'),
 ('csrf', 'org.springframework.security.web.csrf.CsrfFilter.doFilterInternal'),
 ('header writer', 'org.springframework.security.web.header.HeaderWriterFilter.doFilterInternal'),
 ('authorization', 'org.springframework.security.web.access.intercept.AuthorizationFilter.doFilter'),
 ('request log filter', 'io.prax.audit.RequestLog$Filter.doFilterInternal'),
 ('dispatcher', 'org.springframework.web.servlet.DispatcherServlet.doDispatch'),
 ('permission interceptor', 'io.prax.access.PermissionInterceptor.preHandle'),
 ('recent auth interceptor', 'io.prax.session.RecentAuthenticationInterceptor.preHandle'),
 ('handler invoke', 'org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest'),
 ('transaction', 'org.springframework.transaction.interceptor.TransactionInterceptor.invoke'),
 ('transaction', 'org.springframework.transaction.support.TransactionTemplate.execute'),
 ('tx begin', 'org.springframework.transaction.support.AbstractPlatformTransactionManager.getTransaction'),
 ('tx commit', 'org.springframework.transaction.support.AbstractPlatformTransactionManager.commit'),
 ('hibernate find', 'org.hibernate.internal.SessionImpl.find'),
 ('jdbc query', 'org.springframework.jdbc.core.JdbcTemplate.query'),
 ('json write', 'org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodProcessor.writeWithMessageConverters'),
 ('auth: token verify', 'io.prax.session.AccessTokens.verify'),
 ('auth: authenticate', 'io.prax.session.AccessTokenAuthentication.authenticate'),
 ('auth: last seen', 'io.prax.session.LastSeen.record'),
]
raw = subprocess.run([os.environ.get("JFR", "jfr"), 'print', '--json', '--stack-depth', '256',
                      '--events', 'jdk.ExecutionSample', sys.argv[1]], capture_output=True, text=True).stdout
events = json.loads(raw)['recording']['events']
c = collections.Counter(); total = 0; other = collections.Counter()
for e in events:
    thread = (e['values'].get('sampledThread') or {}).get('javaName') or ''
    frames = e['values']['stackTrace']['frames']
    names = [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name'] for f in frames]
    if 'http-nio' not in thread:
        other[thread.rstrip('0123456789-')] += 1
        continue
    total += 1
    label = 'unattributed'
    for n in names:  # innermost first
        hit = next((l for l, m in MARKERS if m == n), None)
        if hit:
            label = hit; break
    c[label] += 1
print(total, 'request-thread samples; other threads:', dict(other.most_common(6)))
for l, n in c.most_common():
    print('%5.1f %%  %s' % (100 * n / total, l))
