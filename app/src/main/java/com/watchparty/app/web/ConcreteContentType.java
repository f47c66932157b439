package com.watchparty.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * A request's {@code Content-Type} names one media type: {@code *}{@code /*} or {@code application/*} describe no
 * body, and Spring MVC failed on them with a 500 while reading one. Such a request (or one whose type does not
 * parse) is refused as an unsupported media type, 415, before any handler reads it.
 */
@Configuration(proxyBeanMethods = false)
class ConcreteContentType implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the error page answers whatever request failed, whatever it carried
        registry.addInterceptor(this).excludePathPatterns("/error");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        String contentType = request.getContentType();
        if (contentType == null) {
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage());
        }
        if (!type.isConcrete()) {
            throw new HttpMediaTypeNotSupportedException(type, List.of());
        }
        return true;
    }
}
